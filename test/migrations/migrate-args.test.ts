import { describe, expect, it } from 'vitest';
import { parseMigrateArgs } from '../../source/noninteractive/migrate-args.js';
import { alignedTable } from '../../source/noninteractive/migrate-text.js';

describe('parseMigrateArgs', () => {
  it.each([
    [['status'], { action: 'status', target: undefined, format: 'table', yes: false, steps: undefined }],
    [['status', 'prod', '--format', 'json', '-m', 'sql'], { action: 'status', target: 'prod', format: 'json', migrations: 'sql' }],
    [['up', '--dsn', 'memory', '--migrations', 'sql', '--yes'], { action: 'up', dsn: 'memory', migrations: 'sql', yes: true }],
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
  ])('%j is a usage error', (argv, message) => {
    const parsed = parseMigrateArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });

  it('asks for help', () => {
    expect(parseMigrateArgs(['up', '--help'])).toEqual({ ok: true, help: true });
  });
});

describe('alignedTable', () => {
  it('lays out columns three spaces apart like Ory\'s status table', () => {
    expect(alignedTable(['Version', 'Name', 'Status'], [['20240101100000000001', 'create_widgets', 'Applied'], ['2', 'x', 'Pending']])).toBe(
      'Version                Name             Status\n20240101100000000001   create_widgets   Applied\n2                      x                Pending\n',
    );
  });
});
