// Placeholder until the non-interactive runner lands (issue 3).
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('dsnsh: running SQL is not implemented yet; try `dsnsh dsn explain DSN`.\n');
  return 2;
}
