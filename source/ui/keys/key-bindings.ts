// Every key the console understands, as one table of commands. Panels ask `matches(event,
// 'scroll.pageDown')` instead of matching escape codes; the help overlay and the hint bar are
// generated from this table.
import type { KeyEvent } from './key-event.js';

export type KeyContext = 'global' | 'prompt' | 'results';

export interface KeyCommand {
  id: string;
  context: KeyContext;
  /** 'ctrl+c', 'meta+b', 'pageDown', 'char:?' (a printable key) */
  keys: readonly string[];
  description: string;
}

export const keyCommands = [
  {
    id: 'app.interrupt',
    context: 'global',
    keys: ['ctrl+c'],
    description:
      'cancel the running statement (twice quickly quits, for a cancel that hangs); at the prompt it clears the line: Ctrl+D or \\q quits',
  },
  { id: 'app.quit', context: 'global', keys: ['ctrl+d'], description: 'quit (at an empty prompt)' },
  { id: 'app.help', context: 'global', keys: ['f1'], description: 'show or hide this help' },
  { id: 'app.profiles', context: 'global', keys: ['f2'], description: 'switch profile, or add one (a)' },
  { id: 'app.focusNext', context: 'global', keys: ['shift+tab', 'f6'], description: 'move focus: prompt → results → migrations' },
  { id: 'app.toggleRecord', context: 'global', keys: ['ctrl+x'], description: 'record view of the focused row (also \\x)' },
  { id: 'prompt.submit', context: 'prompt', keys: ['return'], description: 'run the statement when complete (ends with ; or is one line)' },
  {
    id: 'prompt.explain',
    context: 'prompt',
    keys: ['f5'],
    description: 'show the plan of the statement in the prompt (\\explain; it does not run)',
  },
  { id: 'prompt.newline', context: 'prompt', keys: ['meta+return', 'ctrl+j'], description: 'insert a line break' },
  { id: 'prompt.complete', context: 'prompt', keys: ['tab'], description: 'complete keyword, table or column' },
  { id: 'prompt.searchHistory', context: 'prompt', keys: ['ctrl+r'], description: 'search history backwards (again: older match)' },
  { id: 'prompt.left', context: 'prompt', keys: ['left', 'ctrl+b'], description: 'cursor left' },
  { id: 'prompt.right', context: 'prompt', keys: ['right', 'ctrl+f'], description: 'cursor right' },
  { id: 'prompt.wordLeft', context: 'prompt', keys: ['ctrl+left', 'meta+left', 'meta+char:b'], description: 'word left' },
  { id: 'prompt.wordRight', context: 'prompt', keys: ['ctrl+right', 'meta+right', 'meta+char:f'], description: 'word right' },
  { id: 'prompt.home', context: 'prompt', keys: ['home', 'ctrl+a'], description: 'start of line' },
  { id: 'prompt.end', context: 'prompt', keys: ['end', 'ctrl+e'], description: 'end of line' },
  { id: 'prompt.killToEnd', context: 'prompt', keys: ['ctrl+k'], description: 'delete to end of line' },
  { id: 'prompt.killToStart', context: 'prompt', keys: ['ctrl+u'], description: 'delete to start of line' },
  { id: 'prompt.deleteWordBefore', context: 'prompt', keys: ['ctrl+w', 'meta+backspace'], description: 'delete word before cursor' },
  { id: 'prompt.backspace', context: 'prompt', keys: ['backspace', 'ctrl+h'], description: 'delete character before cursor' },
  { id: 'prompt.delete', context: 'prompt', keys: ['delete'], description: 'delete character under cursor' },
  { id: 'prompt.historyPrev', context: 'prompt', keys: ['up', 'ctrl+p'], description: 'previous line, then older history' },
  { id: 'prompt.historyNext', context: 'prompt', keys: ['down', 'ctrl+n'], description: 'next line, then newer history' },
  { id: 'prompt.cancelSearch', context: 'prompt', keys: ['escape', 'ctrl+g'], description: 'leave history search' },
  { id: 'scroll.lineUp', context: 'results', keys: ['up', 'char:k'], description: 'previous row' },
  { id: 'scroll.lineDown', context: 'results', keys: ['down', 'char:j'], description: 'next row' },
  { id: 'scroll.pageUp', context: 'results', keys: ['pageUp', 'char:b'], description: 'page up (also from the prompt)' },
  { id: 'scroll.pageDown', context: 'results', keys: ['pageDown', 'char: '], description: 'page down (also from the prompt)' },
  { id: 'scroll.top', context: 'results', keys: ['home', 'char:g', 'ctrl+home'], description: 'first row' },
  { id: 'scroll.bottom', context: 'results', keys: ['end', 'char:G', 'ctrl+end'], description: 'last row (reads the rest of the result)' },
  { id: 'scroll.left', context: 'results', keys: ['left', 'char:h'], description: 'scroll columns left' },
  { id: 'scroll.right', context: 'results', keys: ['right', 'char:l'], description: 'scroll columns right' },
  { id: 'scroll.pageLeft', context: 'results', keys: ['shift+left', 'char:H'], description: 'scroll columns left by a screen width' },
  { id: 'scroll.pageRight', context: 'results', keys: ['shift+right', 'char:L'], description: 'scroll columns right by a screen width' },
  {
    id: 'results.columnPrevious',
    context: 'results',
    keys: ['char:<'],
    description: 'focus the previous column (for c, Y), scrolled into view',
  },
  { id: 'results.columnNext', context: 'results', keys: ['char:>'], description: 'focus the next column (for c, Y), scrolled into view' },
  { id: 'results.jumpColumn', context: 'results', keys: ['char:@'], description: 'jump to a column by name (Tab completes, Enter jumps)' },
  {
    id: 'results.search',
    context: 'results',
    keys: ['char:/'],
    description: 'search the loaded rows (case-insensitive), matches highlighted',
  },
  { id: 'results.searchNext', context: 'results', keys: ['char:n'], description: 'next match of the search' },
  { id: 'results.searchPrevious', context: 'results', keys: ['char:N'], description: 'previous match of the search' },
  {
    id: 'results.sortAscending',
    context: 'results',
    keys: ['char:o'],
    description: 'sort the loaded rows by the focused column, ascending, client-side (again: server order)',
  },
  {
    id: 'results.sortDescending',
    context: 'results',
    keys: ['char:O'],
    description: 'sort the loaded rows by the focused column, descending (again: server order)',
  },
  { id: 'results.record', context: 'results', keys: ['char:x', 'return'], description: 'record view of the focused row' },
  {
    id: 'results.viewValue',
    context: 'results',
    keys: ['char:v'],
    description: "view the focused row's whole values, wrapped (JSON pretty-printed); Esc closes",
  },
  {
    id: 'results.copyCell',
    context: 'results',
    keys: ['char:c'],
    description: "copy the focused cell's raw value (OSC 52 and the system clipboard)",
  },
  { id: 'results.copyRow', context: 'results', keys: ['char:r'], description: 'copy the focused row, tab-separated' },
  {
    id: 'results.copyColumn',
    context: 'results',
    keys: ['char:Y'],
    description: 'copy the focused column, then t TSV, c CSV or m Markdown',
  },
  { id: 'results.copyResult', context: 'results', keys: ['char:y'], description: 'copy every loaded row, then t TSV, c CSV or m Markdown' },
  { id: 'results.back', context: 'results', keys: ['escape', 'char:i', 'char:q'], description: 'back to the prompt' },
  { id: 'results.help', context: 'results', keys: ['char:?'], description: 'show help' },
  { id: 'blocks.previous', context: 'results', keys: ['char:['], description: 'previous (earlier) result in the scrollback' },
  { id: 'blocks.next', context: 'results', keys: ['char:]'], description: 'next (later) result; past the last one, the newest' },
  { id: 'blocks.start', context: 'results', keys: ['char:s'], description: 'jump to the start of the focused result' },
  { id: 'blocks.fullScreen', context: 'results', keys: ['char:f'], description: 'open the focused result full screen (f or Esc: back)' },
] as const satisfies readonly KeyCommand[];

export type KeyCommandId = (typeof keyCommands)[number]['id'];

interface ParsedKey {
  name: string;
  text: string;
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
}

export function parseSpec(spec: string): ParsedKey {
  const key: ParsedKey = { name: '', text: '', ctrl: false, meta: false, shift: false };
  let rest = spec;
  for (;;) {
    const match = /^(ctrl|meta|shift)\+(.+)$/.exec(rest);
    if (!match) break;
    key[match[1] as 'ctrl' | 'meta' | 'shift'] = true;
    rest = match[2] ?? '';
  }
  if (rest.startsWith('char:')) {
    key.name = 'char';
    key.text = rest.slice(5);
  } else key.name = rest;
  return key;
}

/** The same key written two ways ('ctrl+meta+x', 'meta+ctrl+x') has one canonical form. */
export function canonicalSpec(spec: string): string {
  const key = parseSpec(spec);
  const base = key.name === 'char' ? `char:${key.text}` : key.name;
  return [key.ctrl ? 'ctrl+' : '', key.meta ? 'meta+' : '', key.shift && key.name !== 'char' ? 'shift+' : '', base].join('');
}

export function defaultKeys(id: KeyCommandId): readonly string[] {
  return keyCommands.find((command) => command.id === id)?.keys ?? [];
}

// The effective table: the defaults, with the user's keys.json applied once at start (key-config.ts).
let effectiveKeys = new Map<string, readonly string[]>(keyCommands.map((command) => [command.id, command.keys]));
let parsedBindings = new Map<string, ParsedKey[]>(keyCommands.map((command) => [command.id, command.keys.map(parseSpec)]));

/** Replaces the keys of the commands named (the others keep their defaults). */
export function applyKeyBindings(overrides: ReadonlyMap<string, readonly string[]>): void {
  effectiveKeys = new Map(keyCommands.map((command) => [command.id, overrides.get(command.id) ?? command.keys]));
  parsedBindings = new Map([...effectiveKeys].map(([id, keys]) => [id, keys.map(parseSpec)]));
}

/** The keys bound to a command now (configured or default). */
export function keysOf(id: KeyCommandId): readonly string[] {
  return effectiveKeys.get(id) ?? [];
}

function keyMatches(event: KeyEvent, key: ParsedKey): boolean {
  if (event.name !== key.name || event.ctrl !== key.ctrl || event.meta !== key.meta) return false;
  if (key.name === 'char') return event.text === key.text;
  return event.shift === key.shift;
}

export function matches(event: KeyEvent, id: KeyCommandId): boolean {
  return (parsedBindings.get(id) ?? []).some((key) => keyMatches(event, key));
}

/** The first command of a context bound to the event. */
export function commandFor(event: KeyEvent, context: KeyContext): KeyCommandId | undefined {
  return keyCommands.find((command) => command.context === context && matches(event, command.id))?.id;
}

const labels: Record<string, string> = {
  return: 'Enter',
  pageUp: 'PgUp',
  pageDown: 'PgDn',
  escape: 'Esc',
  backspace: 'Backspace',
  tab: 'Tab',
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  home: 'Home',
  end: 'End',
  delete: 'Del',
  f1: 'F1',
  f2: 'F2',
  f5: 'F5',
  f6: 'F6',
};

export function keyLabel(spec: string): string {
  const key = parseSpec(spec);
  const base = key.name === 'char' ? (key.text === ' ' ? 'Space' : key.text) : (labels[key.name] ?? key.name.toUpperCase());
  return [key.ctrl ? 'Ctrl' : '', key.meta ? 'Alt' : '', key.shift ? 'Shift' : '', base].filter(Boolean).join('+');
}
