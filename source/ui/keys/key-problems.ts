// What the console shows at start when keys.json had bad entries: every problem (file, entry,
// fix), and that the console runs on with the default keys for those entries.
import type { Outcome } from '../query/outcome.js';

export function keyProblemOutcome(problems: readonly string[]): Outcome {
  return {
    kind: 'error',
    message: `${problems.length === 1 ? 'A key setting was' : `${problems.length} key settings were`} not used:\n${problems.map((problem) => `- ${problem}`).join('\n')}`,
    hint: 'The console runs with the default keys for those entries. Fix the file and start dsnsh again; F1 lists the keys in force.',
    statement: '',
    position: null,
  };
}
