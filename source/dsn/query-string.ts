// Reads a DSN query string (`a=1&b=2`) into ordered, decoded entries. Keys and values are
// percent-decoded, `+` is a space (Go's url.ParseQuery); empty segments are skipped. Repeating a
// key is ambiguous (the drivers disagree on which copy wins), so it is an error unless the caller
// allows the key to repeat (SQLite's `_pragma`).
import { DsnError } from './errors.js';
import { percentDecode } from './percent-decode.js';

export interface QueryEntry {
  key: string;
  value: string;
  /** false for a bare `key` without `=` */
  hasValue: boolean;
  /** Offset of the entry inside the whole DSN */
  position: number;
}

export function readQueryString(query: string, offset: number, repeatable: ReadonlySet<string> = new Set()): QueryEntry[] {
  const entries: QueryEntry[] = [];
  const seen = new Set<string>();
  let position = offset;
  for (const segment of query.split('&')) {
    const segmentPosition = position;
    position += segment.length + 1;
    if (segment === '') continue;
    const equals = segment.indexOf('=');
    const rawKey = equals === -1 ? segment : segment.slice(0, equals);
    const rawValue = equals === -1 ? '' : segment.slice(equals + 1);
    const key = percentDecode(rawKey, { what: `parameter name "${rawKey}"`, offset: segmentPosition }, true);
    if (key === '') {
      throw new DsnError('bad_param', `A parameter has an empty name ("${segment}").`, 'Write parameters as name=value, separated by "&".', null, segmentPosition);
    }
    const secret = isSecretParam(key);
    const value = percentDecode(rawValue, { what: `the value of parameter "${key}"`, param: key, offset: segmentPosition + equals + 1, secret }, true);
    if (seen.has(key) && !repeatable.has(key)) {
      throw new DsnError('duplicate_param', `Parameter "${key}" is given more than once.`, `Keep one "${key}=…"; the drivers disagree on which copy wins.`, key, segmentPosition);
    }
    seen.add(key);
    entries.push({ key, value, hasValue: equals !== -1, position: segmentPosition });
  }
  return entries;
}

/** Parameters whose values are secrets: never quoted, redacted in output. */
export function isSecretParam(key: string): boolean {
  return /pass(word|wd)?$/i.test(key);
}
