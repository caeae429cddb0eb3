// `dsnsh profile add|list|show|rm|rename|default`: saved DSNs, passwords always redacted.
import { redactDsn } from '../dsn/parse-dsn.js';
import { checkProfileDsn } from '../profiles/check-profile-dsn.js';
import { confirmsDestructive } from '../profiles/confirm-destructive.js';
import { isBuiltinProfile, type Profile } from '../profiles/profile.js';
import { ProfileStore } from '../profiles/profile-store.js';
import { EXIT } from '../session/exit-codes.js';
import { profileHelp } from './help.js';
import { OutputClosedError, OutputSink } from '../output/output-sink.js';
import { escapeControls } from '../output/value-text.js';
import { fail } from '../session/report-error.js';
import { parseStrict } from './session-args.js';
import { UsageError } from '../session/usage-error.js';
import { parseReplicas } from './replicas-option.js';

const OPTIONS = {
  json: { type: 'boolean' },
  migrations: { type: 'string' },
  'read-only': { type: 'boolean' },
  production: { type: 'boolean' },
  // Node 20's parseArgs has no negated booleans: the "no-" form is an option of its own.
  'confirm-destructive': { type: 'boolean' },
  'no-confirm-destructive': { type: 'boolean' },
  note: { type: 'string' },
  replicas: { type: 'string' },
  replace: { type: 'boolean' },
  clear: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseStrict<typeof OPTIONS>>['values'];

export async function run(argv: string[], store = new ProfileStore()): Promise<number> {
  try {
    const { values, positionals } = parseStrict(argv, OPTIONS);
    const [subcommand, ...rest] = positionals;
    if (values.help || subcommand === 'help') {
      process.stdout.write(profileHelp());
      return EXIT.ok;
    }
    if (subcommand === undefined) {
      process.stderr.write(profileHelp());
      return EXIT.usage;
    }
    const handler = SUBCOMMANDS[subcommand];
    if (!handler)
      throw new UsageError(
        `unknown profile subcommand "${subcommand}"`,
        'use add, list, show, rm, rename or default (dsnsh profile --help)',
      );
    return await handler(store, rest, values);
  } catch (error) {
    return fail(error);
  }
}

type Handler = (store: ProfileStore, args: string[], values: Values) => Promise<number>;

function expect(args: string[], names: string[]): string[] {
  if (args.length !== names.length) {
    throw new UsageError(
      `expected ${names.join(' ')}${args.length > names.length ? `, got extra "${args[names.length]}"` : ''}`,
      'see dsnsh profile --help',
    );
  }
  return args;
}

const SUBCOMMANDS: Record<string, Handler> = {
  async add(store, args, values) {
    const [name, dsn] = expect(args, ['NAME', 'DSN']) as [string, string];
    const check = checkProfileDsn(dsn);
    const profile: Profile = { name, dsn };
    if (values.migrations !== undefined) profile.migrationsDir = values.migrations;
    if (values['read-only']) profile.readOnly = true;
    if (values.production) profile.production = true;
    if (values['confirm-destructive'] && values['no-confirm-destructive']) {
      throw new UsageError(
        '--confirm-destructive and --no-confirm-destructive contradict each other',
        'give one of them (without either, production profiles confirm and others do not)',
      );
    }
    if (values['confirm-destructive']) profile.confirmDestructive = true;
    if (values['no-confirm-destructive']) profile.confirmDestructive = false;
    if (values.note !== undefined) profile.note = values.note;
    const replicas = parseReplicas(values.replicas);
    if (replicas !== undefined) profile.replicas = replicas;
    await store.add(profile, { replace: values.replace ?? false });
    process.stdout.write(`saved profile "${name}": ${escapeControls(redactDsn(dsn))}\n`);
    if (check.literalPassword) {
      process.stderr.write(
        `warning: the DSN holds a password, now stored in ${store.file} (mode 0600); to keep it out of the file, refer to an environment variable instead, e.g. postgres://app:\${APP_DB_PASSWORD}@host/db\n`,
      );
    }
    return EXIT.ok;
  },

  async list(store, args, values) {
    expect(args, []);
    const { profiles, defaultProfile } = await store.list();
    if (values.json) {
      writeJson({ default: defaultProfile, profiles: profiles.map((p) => describe(p, defaultProfile)) });
      return EXIT.ok;
    }
    // A loop, not Math.max(...names): spreading 200,000 arguments overflows the stack.
    let nameWidth = 0;
    for (const profile of profiles) nameWidth = Math.max(nameWidth, profile.name.length);
    // The run's sink: a slow reader holds the list back, `| head` ends it quietly, a full disk is an error.
    const sink = OutputSink.forStdout();
    try {
      for (const profile of profiles) {
        const mark = profile.name === defaultProfile ? '*' : ' ';
        const note = profile.note ? `  # ${profile.note}` : '';
        // Notes and DSNs are the user's text (a profile file may be hand-edited): never raw escapes.
        sink.write(`${escapeControls(`${mark} ${profile.name.padEnd(nameWidth)}  ${redactDsn(profile.dsn)}${note}`)}\n`);
        await sink.drainIfFull();
      }
      await sink.flush();
    } catch (error) {
      if (error instanceof OutputClosedError) return EXIT.ok;
      throw error;
    }
    return EXIT.ok;
  },

  async show(store, args, values) {
    const [name] = expect(args, ['NAME']) as [string];
    const profile = await store.get(name);
    const description = describe(profile, await store.defaultProfile());
    if (values.json) {
      writeJson(description);
      return EXIT.ok;
    }
    for (const [key, value] of Object.entries(description)) {
      if (value !== undefined && value !== null) process.stdout.write(`${key}: ${escapeControls(String(value))}\n`);
    }
    return EXIT.ok;
  },

  async rm(store, args) {
    const [name] = expect(args, ['NAME']) as [string];
    await store.remove(name);
    process.stdout.write(`removed profile "${name}"\n`);
    return EXIT.ok;
  },

  async rename(store, args) {
    const [from, to] = expect(args, ['OLD', 'NEW']) as [string, string];
    await store.rename(from, to);
    process.stdout.write(`renamed profile "${from}" to "${to}"\n`);
    return EXIT.ok;
  },

  async default(store, args, values) {
    if (values.clear) {
      expect(args, []);
      await store.setDefault(null);
      process.stdout.write('cleared the default profile (memory applies)\n');
      return EXIT.ok;
    }
    if (args.length === 0) {
      const name = await store.defaultProfile();
      process.stdout.write(`${name ?? 'memory (no default profile set)'}\n`);
      return EXIT.ok;
    }
    const [name] = expect(args, ['NAME']) as [string];
    await store.setDefault(name);
    process.stdout.write(`default profile: ${name}\n`);
    return EXIT.ok;
  },
};

function describe(profile: Profile, defaultProfile: string | null) {
  return {
    name: profile.name,
    dsn: redactDsn(profile.dsn),
    default: profile.name === defaultProfile,
    builtin: isBuiltinProfile(profile.name),
    migrationsDir: profile.migrationsDir ?? null,
    readOnly: profile.readOnly ?? false,
    production: profile.production ?? false,
    confirmDestructive: confirmsDestructive(profile),
    note: profile.note ?? null,
    replicas: profile.replicas ?? null,
  };
}

function writeJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
