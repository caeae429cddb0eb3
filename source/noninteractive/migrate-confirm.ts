// Asking before `migrate up/down` changes a database. Without a terminal to ask on, refuse
// rather than wait for input that will never come.
import { createInterface } from 'node:readline';

export type Confirmation = 'yes' | 'no' | 'no-tty';

export async function confirm(
  question: string,
  stdin: NodeJS.ReadStream = process.stdin,
  stderr: NodeJS.WritableStream = process.stderr,
): Promise<Confirmation> {
  if (!stdin.isTTY) return 'no-tty';
  const rl = createInterface({ input: stdin, output: stderr, terminal: true });
  try {
    const answer = await new Promise<string | null>((resolve) => {
      rl.once('close', () => resolve(null));
      rl.question(`${question} [y/N] `, resolve);
    });
    return answer !== null && /^y(es)?$/i.test(answer.trim()) ? 'yes' : 'no';
  } finally {
    rl.close();
  }
}
