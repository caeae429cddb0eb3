// Turns -c / -f sources (or stdin when none is given) into labelled scripts.
import { readFile } from 'node:fs/promises';
import type { ScriptSource } from './session-args.js';
import type { Script } from './statement-feed.js';
import { UsageError } from './usage-error.js';

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
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new UsageError(`cannot read the SQL file ${path}: ${why}`, 'check the path given with -f');
  }
}
