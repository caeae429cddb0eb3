// Live heap size after a full garbage collection, so a memory bound can be asserted without
// counting garbage. `gc` is exposed at run time (vitest's workers do not pass --expose-gc).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

export function liveHeapBytes(): number {
  collect();
  return process.memoryUsage().heapUsed;
}
