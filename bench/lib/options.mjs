// Command-line options of `npm run bench`. Defaults keep a full run under ~10 minutes on 2 cores;
// --quick shortens repetitions and the idle window for a first look.

const HELP = `Usage: npm run bench -- [options]

  --quick              fewer repetitions (2-3) and a 10 s idle window
  --reps N             repetitions for every case (overrides the per-case defaults)
  --idle-seconds N     idle CPU window of case 5 (default 30, 10 with --quick)
  --cases 1,2,6        run only these cases (default: all)
  --no-setup           do not create the 1,000,000-row tables (cases needing them then skip)
  --help               this text

Environment: DSNSH_CLI (default dist/cli.js), BENCH_PG_DSN, BENCH_MYSQL_DSN, BENCH_ROWS (default 1000000).`;

export function parseOptions(argv) {
  const options = { quick: false, reps: null, idleSeconds: null, cases: [1, 2, 3, 4, 5, 6], setup: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      return value;
    };
    if (arg === '--quick') options.quick = true;
    else if (arg === '--reps') options.reps = positiveInt(arg, next());
    else if (arg === '--idle-seconds') options.idleSeconds = positiveInt(arg, next());
    else if (arg === '--cases')
      options.cases = next()
        .split(',')
        .map((c) => caseNumber(c));
    else if (arg === '--no-setup') options.setup = false;
    else if (arg === '--help' || arg === '-h') {
      console.log(HELP);
      process.exit(0);
    } else throw new Error(`unknown option ${arg} (see --help)`);
  }
  options.idleSeconds ??= options.quick ? 10 : 30;
  return options;
}

/** Repetitions for a case: --reps wins, then --quick, then the case's own default. */
export function repsFor(options, normal, quick) {
  if (options.reps !== null) return options.reps;
  return options.quick ? quick : normal;
}

function caseNumber(text) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 6) throw new Error(`--cases takes numbers 1-6, got '${text}'`);
  return n;
}

function positiveInt(name, text) {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} expects a positive integer, got '${text}'`);
  return n;
}
