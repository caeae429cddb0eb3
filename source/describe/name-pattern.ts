// psql's name patterns for the \d family: `*` any text, `?` one character, `schema.name`, unquoted
// letters folded to lower case (where the backend folds names), "double quotes" keep text as
// typed (and make * ? . literal). Other characters match themselves.
import type { RelationName } from '../adapters/adapter.js';

export interface NamePattern {
  /** null: any schema */
  schema: RegExp | null;
  name: RegExp;
  /** The plain name when the pattern has no wildcard (a relation to look up directly) */
  exact: RelationName | null;
  /** The schema named without a wildcard (`app.*`), null when none or a wildcard */
  exactSchema: string | null;
}

export class NamePatternError extends Error {}

interface Part {
  regex: string;
  literal: string;
  wildcard: boolean;
}

const escapeRegex = (character: string) => character.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** Splits at dots outside quotes and translates each part. */
function parts(pattern: string, fold: boolean): Part[] {
  const found: Part[] = [{ regex: '', literal: '', wildcard: false }];
  let quoted = false;
  for (let index = 0; index < pattern.length; index += 1) {
    const character = pattern[index] ?? '';
    const part = found[found.length - 1] as Part;
    if (character === '"') {
      // "" inside quotes is a literal quote.
      if (quoted && pattern[index + 1] === '"') {
        part.regex += '"';
        part.literal += '"';
        index += 1;
      } else quoted = !quoted;
    } else if (quoted) {
      part.regex += escapeRegex(character);
      part.literal += character;
    } else if (character === '.') {
      found.push({ regex: '', literal: '', wildcard: false });
    } else if (character === '*') {
      part.regex += '.*';
      part.wildcard = true;
    } else if (character === '?') {
      part.regex += '.';
      part.wildcard = true;
    } else {
      const folded = fold ? character.toLowerCase() : character;
      part.regex += escapeRegex(folded);
      part.literal += folded;
    }
  }
  if (quoted) throw new NamePatternError(`Unterminated quote in ${pattern}: close the name with ".`);
  return found;
}

/**
 * Parses a pattern. `nameCase` is the backend's (Introspector.nameCase): 'folded' folds unquoted
 * letters and matches exactly, 'caseless' matches without regard to case.
 */
export function parseNamePattern(pattern: string, nameCase: 'folded' | 'caseless'): NamePattern {
  const found = parts(pattern.trim(), nameCase === 'folded');
  if (found.length > 2) throw new NamePatternError(`Too many dotted names in ${pattern}: write schema.name (or just name).`);
  const flags = nameCase === 'caseless' ? 'i' : '';
  const compile = (part: Part) => new RegExp(`^(?:${part.regex === '' && part.literal === '' ? '.*' : part.regex})$`, flags);
  const [first, second] = found as [Part, Part | undefined];
  const schema = second === undefined ? null : first;
  const name = second ?? first;
  const exact =
    !name.wildcard && name.literal !== '' && !(schema?.wildcard ?? false)
      ? { schema: schema === null || schema.literal === '' ? null : schema.literal, name: name.literal }
      : null;
  const exactSchema = schema !== null && !schema.wildcard && schema.literal !== '' ? schema.literal : null;
  return { schema: schema === null ? null : compile(schema), name: compile(name), exact, exactSchema };
}

export function matchesName(pattern: NamePattern, schema: string, name: string): boolean {
  return (pattern.schema === null || pattern.schema.test(schema)) && pattern.name.test(name);
}
