// The user's keys.json, parsed and checked against the key table. Pure: the file's text in, the
// keys to use and the problems found out. A bad entry is reported (file, entry, fix) and left at
// its defaults; the rest of the file still applies.
import { canonicalSpec, keyCommands, parseSpec, type KeyCommandId, type KeyContext } from './key-bindings.js';

export interface KeyConfig {
  /** command id -> its keys, for the commands the file rebinds */
  overrides: Map<string, readonly string[]>;
  /** `"vi": true|false` in the file; null when it does not say */
  vi: boolean | null;
  /** One sentence per bad entry: what is wrong and what to do */
  problems: string[];
}

/** Key names as decode-input.ts reports them (ctrl+LETTER besides). */
const namedKeys = new Set([
  'return',
  'tab',
  'escape',
  'backspace',
  'delete',
  'insert',
  'up',
  'down',
  'left',
  'right',
  'home',
  'end',
  'pageUp',
  'pageDown',
  ...Array.from({ length: 12 }, (_, index) => `f${index + 1}`),
]);

/** Why a key spec cannot be bound, or null when it can. */
export function keySpecProblem(spec: string): string | null {
  const key = parseSpec(spec);
  if (key.name === 'char') {
    if ([...key.text].length !== 1 || /[\u0000-\u001f\u007f]/.test(key.text))
      return `"${spec}": char: takes one printable character ('char:/', 'meta+char:b')`;
    if (key.ctrl) return `"${spec}": write a Ctrl key as 'ctrl+LETTER' (e.g. 'ctrl+s'), not with char:`;
    if (key.shift) return `"${spec}": write the shifted character itself ('char:G'), not shift+char:`;
    return null;
  }
  if (key.ctrl && /^[a-z]$/.test(key.name)) return null;
  if (key.ctrl && key.name === 'space') return null;
  if (namedKeys.has(key.name)) return null;
  return `"${spec}" is not a key name: use ctrl+LETTER, meta+char:X, char:X, f1…f12, or one of ${[...namedKeys].filter((name) => !/^f\d/.test(name)).join(', ')}`;
}

const commandIds = new Set<string>(keyCommands.map((command) => command.id));
const contextOf = new Map<string, KeyContext>(keyCommands.map((command) => [command.id, command.context]));

function closest(id: string): string {
  const tail = id.split('.').pop()?.toLowerCase() ?? id;
  const near = keyCommands.find(
    (command) => command.id.toLowerCase().endsWith(`.${tail}`) || command.id.toLowerCase() === id.toLowerCase(),
  );
  return near ? ` (did you mean "${near.id}"?)` : '';
}

export function parseKeyConfig(text: string, file: string): KeyConfig {
  const config: KeyConfig = { overrides: new Map(), vi: null, problems: [] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    config.problems.push(`${file}: not valid JSON (${(error as Error).message}); fix or remove the file. Using the default keys.`);
    return config;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    config.problems.push(`${file}: must be one JSON object, { "command.id": ["key", …], "vi": true }. Using the default keys.`);
    return config;
  }
  for (const [entry, value] of Object.entries(data as Record<string, unknown>)) {
    if (entry === 'vi') {
      if (typeof value === 'boolean') config.vi = value;
      else
        config.problems.push(
          `${file}: "vi" must be true or false, not ${JSON.stringify(value)}; vi mode starts off (\\set vi on turns it on).`,
        );
      continue;
    }
    if (!commandIds.has(entry)) {
      config.problems.push(
        `${file}: "${entry}" is not a command${closest(entry)}, so it is ignored; the command ids are in the README's "Keys" section.`,
      );
      continue;
    }
    const keys = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(keys) || !keys.every((key): key is string => typeof key === 'string')) {
      config.problems.push(`${file}: "${entry}" must be a list of keys, e.g. ["ctrl+s"]; it keeps its default keys.`);
      continue;
    }
    const bad = keys.map(keySpecProblem).find((problem) => problem !== null);
    if (bad) {
      config.problems.push(`${file}: "${entry}": ${bad}; it keeps its default keys.`);
      continue;
    }
    config.overrides.set(entry, keys);
  }
  dropConflicts(config, file);
  return config;
}

/** A key bound to two commands of one context: the file's entries involved keep their defaults. */
function dropConflicts(config: KeyConfig, file: string): void {
  for (;;) {
    const owner = new Map<string, string>();
    let conflict: [string, string, string] | null = null;
    for (const command of keyCommands) {
      const keys = config.overrides.get(command.id) ?? command.keys;
      // A global key is seen before any panel's: it clashes with the keys of every context.
      const contexts: KeyContext[] = command.context === 'global' ? ['global', 'prompt', 'results'] : [command.context];
      for (const key of keys) {
        for (const context of contexts) {
          const slot = `${context} ${canonicalSpec(key)}`;
          const other = owner.get(slot);
          if (other !== undefined && other !== command.id) conflict ??= [key, other, command.id];
          owner.set(slot, command.id);
        }
      }
    }
    if (conflict === null) return;
    const [key, first, second] = conflict;
    const fromFile = [first, second].filter((id) => config.overrides.has(id));
    const where =
      contextOf.get(first) === 'global' || contextOf.get(second) === 'global'
        ? 'a global key counts everywhere'
        : `both ${contextOf.get(second) ?? ''} keys`;
    config.problems.push(
      `${file}: "${key}" is bound to both "${first}" and "${second}" (${where}); give one of them another key. ${fromFile.map((id) => `"${id}"`).join(' and ')} ${fromFile.length === 1 ? 'keeps its' : 'keep their'} default keys.`,
    );
    for (const id of fromFile) config.overrides.delete(id);
    // Only defaults left in the clash (cannot happen with the shipped table): stop.
    if (fromFile.length === 0) return;
  }
}

export type { KeyCommandId };
