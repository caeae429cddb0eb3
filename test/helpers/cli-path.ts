// The built CLI under test. DSNSH_CLI points at another build (parallel work builds into
// .test-tmp/<name>/ with DSNSH_OUTDIR); by default it is dist/cli.js, which `npm test` builds.
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI_PATH = process.env.DSNSH_CLI ?? fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
