import { describe, expect, it } from 'vitest';
import { parseMigrateArgs } from '../../source/noninteractive/migrate-args.js';
import { goTable } from '../../source/noninteractive/migrate-tabwriter.js';

describe('parseMigrateArgs', () => {
  it.each([
    [['status'], { action: 'status', target: undefined, format: 'table', yes: false, steps: undefined }],
    [['status', 'prod', '--format', 'json', '-m', 'sql'], { action: 'status', target: 'prod', format: 'json', migrations: ['sql'] }],
    [
      ['up', '--dsn', 'memory', '--migrations', 'sql', '--yes'],
      { action: 'up', dsn: 'memory', migrations: ['sql'], yes: true, readOnly: false },
    ],
    [['up', '-m', 'keto', '--migrations', 'networkx', '--read-only'], { migrations: ['keto', 'networkx'], readOnly: true }],
    [['status', '--block'], { block: true, timeoutMs: null }],
    [['status', '--block', '--timeout', '1m30s'], { block: true, timeoutMs: 90_000 }],
    [['down', 'sqlite://./a.db', '--steps', '3', '-y'], { action: 'down', target: 'sqlite://./a.db', steps: 3, yes: true }],
  ])('%j', (argv, expected) => {
    const parsed = parseMigrateArgs(argv);
    expect(parsed.ok && 'args' in parsed ? parsed.args : parsed).toMatchObject(expected);
  });

  it.each([
    [[], 'migrate needs an action'],
    [['sideways'], 'unknown migrate action "sideways"'],
    [['up', 'a', 'b'], 'unexpected argument "b"'],
    [['status', '--format', 'csv'], '--format must be table or json'],
    [['down', '--steps', '0'], '--steps must be a whole number'],
    [['down', '--steps', 'x'], '--steps must be a whole number'],
    [['status', '--steps', '2'], '--steps applies to up and down'],
    [['up', '--bogus'], "Unknown option '--bogus'"],
    [['up', '--block'], '--block applies to status, not up'],
    [['status', '--timeout', '5s'], '--timeout applies to status --block'],
    [['status', '--block', '--timeout', '5'], '--timeout "5" is not a duration'],
    [['status', '--block', '--timeout', '0s'], '--timeout must be longer than 0'],
  ])('%j is a usage error', (argv, message) => {
    const parsed = parseMigrateArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });

  it('asks for help', () => {
    expect(parseMigrateArgs(['up', '--help'])).toEqual({ ok: true, help: true });
  });
});

describe('the status table', () => {
  it("is cmdx's: cells end with a tab, columns padded with tabs to multiples of 8 (as Go's tabwriter)", () => {
    // Checked against Go's text/tabwriter (more cases in migrate-go-output.test.ts).
    expect(
      goTable(
        ['Version', 'Name', 'Status'],
        [
          ['20240101100000000001', 'create_widgets', 'Applied'],
          ['2', 'x', 'Pending'],
        ],
      ),
    ).toBe('Version\t\t\tName\t\tStatus\t\n20240101100000000001\tcreate_widgets\tApplied\t\n2\t\t\tx\t\tPending\t\n');
  });
});
