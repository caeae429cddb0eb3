// How a process is named to a person: its program and subcommands, "kratos serve", "hydra serve all".
import { programName } from './config-flags.js';

export function processLabel(argv: string[]): string {
  const words = [programName(argv)];
  for (const arg of argv.slice(1, 3)) {
    if (!/^[a-z][a-z0-9-]*$/.test(arg)) break;
    words.push(arg);
  }
  return words.join(' ');
}
