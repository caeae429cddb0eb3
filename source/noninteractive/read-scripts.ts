// Turns -c / -f sources (or stdin when none is given) into labelled scripts.
import { readFile } from 'node:fs/promises';
import { checkUtf8, describeInvalid, locate } from '../text/utf8.js';
import type { ScriptSource } from './session-args.js';
import type { Script } from '../session/statement-feed.js';
import { UsageError } from '../session/usage-error.js';

export async function readScripts(sources: ScriptSource[], stdin: NodeJS.ReadableStream): Promise<Script[]> {
  if (sources.length === 0) return [{ label: '<stdin>', stream: stdin }];
  const scripts: Script[] = [];
  let stdinUsed = false;
  for (const source of sources) {
    if (source.kind === 'command') {
      scripts.push({ label: `<-c ${source.index}>`, sql: source.sql });
    } else if (source.path === '-') {
      if (stdinUsed) throw new UsageError('-f - (stdin) is given twice', 'stdin can be read only once');
      stdinUsed = true;
      scripts.push({ label: '<stdin>', stream: stdin });
    } else {
      scripts.push({ label: source.path, sql: await readScriptFile(source.path) });
    }
  }
  return scripts;
}

async function readScriptFile(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a folder'
            : (error as Error).message;
    throw new UsageError(`cannot read the SQL file ${path}: ${why}`, 'check the path given with -f');
  }
  // Decoding with replacement would store U+FFFD in place of the bytes: refuse the file instead,
  // before anything of the input runs.
  const { invalidAt } = checkUtf8(bytes);
  if (invalidAt !== -1) {
    const where = locate(bytes, invalidAt);
    throw new UsageError(
      `${path}:${where.line}: the SQL file is not valid UTF-8 (${describeInvalid(where)}); nothing was run`,
      NOT_UTF8_HINT,
    );
  }
  return bytes.toString('utf8');
}

export const NOT_UTF8_HINT = 'convert it to UTF-8 first, e.g. iconv -f latin1 -t utf-8 FILE > FILE.utf8';
