// The core layer's boundaries, read from the sources: session/ never imports React, Ink, ui/ or
// noninteractive/; and outside the adapters, only session/open-session-target.ts opens an
// adapter or a read-only session, so how a target is opened is decided in one place.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SOURCE = join(import.meta.dirname, '../../source');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?from\s+'([^']+)'/g)].map((match) => match[1]!);
}

describe('layering', () => {
  it('session/ imports neither React/Ink nor ui/ or noninteractive/', () => {
    const offending = sources(join(SOURCE, 'session')).flatMap((file) =>
      imports(file)
        .filter((from) => /^(react|ink)(\/|$)|\/ui\/|\/noninteractive\/|^\.\.\/(ui|noninteractive)\//.test(from))
        .map((from) => `${relative(SOURCE, file)} imports ${from}`),
    );
    expect(offending).toEqual([]);
  });

  it('outside adapters/, only session/open-session-target.ts opens an adapter or a read-only session', () => {
    const opening = sources(SOURCE)
      .filter((file) => !relative(SOURCE, file).startsWith('adapters/'))
      .filter((file) => imports(file).some((from) => /\/adapters\/(open-adapter|read-only-session)\.js$/.test(from)))
      .map((file) => relative(SOURCE, file));
    expect(opening).toEqual(['session/open-session-target.ts']);
  });
});
