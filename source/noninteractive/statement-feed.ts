// The statements of every script in command-line order. Text scripts (-c, files) are split at
// once; a stream (stdin) is split as it arrives, so each statement runs as soon as its `;` is in.
import type { Backend } from '../dsn/types.js';
import { splitStream } from '../sql/split-stream.js';
import { splitStatements, type Statement } from '../sql/split-statements.js';

export type Script =
  | { /** for error positions: a file path, `<-c 1>` */ label: string; sql: string }
  | { /** `<stdin>` */ label: string; stream: NodeJS.ReadableStream };

export interface FedStatement {
  label: string;
  statement: Statement;
  /** Statements known to come after this one (from text scripts) */
  laterKnown: number;
  /** A stream may still deliver more statements */
  moreMayFollow: boolean;
}

async function* textOf(stream: NodeJS.ReadableStream): AsyncGenerator<string> {
  stream.setEncoding('utf8');
  for await (const chunk of stream) yield chunk as string;
}

export async function* feedStatements(scripts: Script[], backend: Backend): AsyncGenerator<FedStatement> {
  const split = scripts.map((script) => ('sql' in script ? splitStatements(script.sql, backend) : null));
  for (let i = 0; i < scripts.length; i += 1) {
    const script = scripts[i]!;
    const laterScripts = split.slice(i + 1);
    const knownAfter = laterScripts.reduce((sum, statements) => sum + (statements?.length ?? 0), 0);
    const streamAfter = laterScripts.some((statements) => statements === null);
    const statements = split[i];
    if (statements) {
      for (let j = 0; j < statements.length; j += 1) {
        yield { label: script.label, statement: statements[j]!, laterKnown: statements.length - j - 1 + knownAfter, moreMayFollow: streamAfter };
      }
    } else if ('stream' in script) {
      for await (const statement of splitStream(textOf(script.stream), backend)) {
        yield { label: script.label, statement, laterKnown: knownAfter, moreMayFollow: true };
      }
    }
  }
}
