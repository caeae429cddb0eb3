// Node >= 22.1 keeps the code it compiles in an on-disk cache of its own when asked
// (module.enableCompileCache; by default under the OS temp folder, NODE_DISABLE_COMPILE_CACHE
// turns it off): the chunks loaded after it (cli.tsx imports this first) start without being
// compiled again: `dsnsh MYSQL_DSN -c 'select 1'` 176 -> 152 ms on Node 22. The console keeps its
// own script cache, which does better (ui/load-console.ts). Node 20 has no such cache. A cache
// that cannot be written (read-only temp folder) only reports a status; it never fails the start.
import module from 'node:module';

type EnableCompileCache = (directory?: string) => { status: number; message?: string };

const enableCompileCache = (module as unknown as { enableCompileCache?: EnableCompileCache }).enableCompileCache;

if (enableCompileCache) {
  try {
    enableCompileCache();
  } catch {
    // A cache is an optimisation: starting without it is always right.
  }
}
