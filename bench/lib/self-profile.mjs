// Preloaded with NODE_OPTIONS=--import=… by profile.mjs: profiles whichever Node process loads it
// (the CLI and any worker it forks, even with execArgv: []) through the inspector, and writes
// <pid>.cpuprofile into BENCH_PROFILE_DIR when the process exits normally.
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.BENCH_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  // The main thread's inspector session answers synchronously, so this works inside 'exit'.
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (!error)
        writeFileSync(
          join(dir, `${process.argv[1]?.split('/').pop() ?? 'node'}-${process.pid}.cpuprofile`),
          JSON.stringify(result.profile),
        );
    });
  });
}
