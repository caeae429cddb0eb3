// Placeholder until `dsnsh dsn explain` lands (issue 2).
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('dsnsh: `dsn explain` is not implemented yet.\n');
  return 2;
}
