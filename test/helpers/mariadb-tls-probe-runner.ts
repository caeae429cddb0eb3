// Bundles mariadb-tls-probe.ts once and runs it with extra trusted CAs.
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { PROJECT_ROOT } from './cli-path.js';

export interface ProbeResult {
  ok: boolean;
  kind?: string;
  message?: string;
  tls?: { ok: boolean; value?: { encrypted: boolean; verified: boolean } };
}

let bundled: Promise<string> | null = null;
const dir = join(PROJECT_ROOT, '.test-tmp', `mysql-tls-probe-${process.pid}`);

/** Removes the bundled probe (call from afterAll). */
export function removeProbe(): void {
  bundled = null;
  rmSync(dir, { recursive: true, force: true });
}

function bundle(): Promise<string> {
  bundled ??= (async () => {
    mkdirSync(dir, { recursive: true });
    const outfile = join(dir, 'probe.mjs');
    await build({
      entryPoints: [join(PROJECT_ROOT, 'test/helpers/mariadb-tls-probe.ts')],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'warning',
      banner: { js: "import { createRequire as __probeRequire } from 'node:module'; const require = __probeRequire(import.meta.url);" },
    });
    return outfile;
  })();
  return bundled;
}

export async function probe(dsn: string, extraCaFile?: string): Promise<ProbeResult> {
  const script = await bundle();
  const env = { ...process.env };
  if (extraCaFile) env.NODE_EXTRA_CA_CERTS = extraCaFile;
  else delete env.NODE_EXTRA_CA_CERTS;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [script, dsn], { env, timeout: 20_000 }, (error, stdout, stderr) => {
      const line = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(line) as ProbeResult);
      } catch {
        reject(new Error(`probe failed: ${error?.message ?? ''} ${stderr}`));
      }
    });
  });
}
