// The statements of every script in command-line order. Text scripts (-c, files) are split at
// once; a stream (stdin) is split as it arrives, so each statement runs as soon as its `;` is in.
import type { Backend } from '../dsn/types.js';
import { splitStream } from '../sql/split-stream.js';
import { splitStatements, type Statement } from '../sql/split-statements.js';
import { checkUtf8, describeInvalid, locate } from '../text/utf8.js';
import { UsageError } from './usage-error.js';

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

/**
 * The stream's text, strictly UTF-8: what comes before a byte that is not UTF-8 is passed on (its
 * complete statements run, as they would have had the input stopped there), then the error names
 * the line; the statement holding the byte and everything after it are never run.
 */
async function* textOf(stream: NodeJS.ReadableStream, label: string): AsyncGenerator<string> {
  let carry: Buffer = Buffer.alloc(0);
  let line = 1;
  let column = 0;
  const invalid = (bytes: Buffer, offset: number): UsageError => {
    const where = locate(bytes, offset, line, column);
    return new UsageError(
      `${label}:${where.line}: the input is not valid UTF-8 (${describeInvalid(where)}); the statement there and the rest of the input were not run`,
      'convert the input to UTF-8 first, e.g. iconv -f latin1 -t utf-8',
    );
  };
  for await (const chunk of stream) {
    const incoming = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    const bytes = carry.length > 0 ? Buffer.concat([carry, incoming]) : incoming;
    const { invalidAt, incompleteFrom } = checkUtf8(bytes, true);
    if (invalidAt !== -1) {
      if (invalidAt > 0) yield bytes.subarray(0, invalidAt).toString('utf8');
      throw invalid(bytes, invalidAt);
    }
    const complete = bytes.subarray(0, incompleteFrom);
    const lastNewline = complete.lastIndexOf(0x0a);
    for (let at = complete.indexOf(0x0a); at !== -1; at = complete.indexOf(0x0a, at + 1)) line += 1;
    column = lastNewline === -1 ? column + complete.length : complete.length - lastNewline - 1;
    // A character cut by the chunk boundary waits for its last bytes.
    carry = Buffer.from(bytes.subarray(incompleteFrom));
    if (complete.length > 0) yield complete.toString('utf8');
  }
  if (carry.length > 0) throw invalid(carry, 0);
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
        yield {
          label: script.label,
          statement: statements[j]!,
          laterKnown: statements.length - j - 1 + knownAfter,
          moreMayFollow: streamAfter,
        };
      }
    } else if ('stream' in script) {
      for await (const statement of splitStream(textOf(script.stream, script.label), backend)) {
        yield { label: script.label, statement, laterKnown: knownAfter, moreMayFollow: true };
      }
    }
  }
}
