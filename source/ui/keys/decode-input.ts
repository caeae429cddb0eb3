// Raw terminal input → key events. Pure, so every sequence is unit-tested. Text runs longer than
// one character are pastes (or very fast typing): newlines inside them are text, not Enter.
// Bracketed paste markers (ESC[200~ … ESC[201~) are reported so the caller can treat everything
// between them as pasted, however the terminal chunks it.
import { type KeyEvent, keyEvent } from './key-event.js';

const csiKeys: Record<string, string> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
  P: 'f1',
  Z: 'tab',
};
const tildeKeys: Record<string, string> = {
  '1': 'home',
  '7': 'home',
  '4': 'end',
  '8': 'end',
  '2': 'insert',
  '3': 'delete',
  '5': 'pageUp',
  '6': 'pageDown',
  '11': 'f1',
  '12': 'f2',
  '13': 'f3',
  '14': 'f4',
  '15': 'f5',
  '17': 'f6',
  '18': 'f7',
  '19': 'f8',
  '20': 'f9',
  '21': 'f10',
  '23': 'f11',
  '24': 'f12',
  '200': 'pasteStart',
  '201': 'pasteEnd',
};

function modifiersOf(code: number): { shift: boolean; meta: boolean; ctrl: boolean } {
  const bits = Math.max(0, code - 1);
  return { shift: (bits & 1) !== 0, meta: (bits & 2) !== 0, ctrl: (bits & 4) !== 0 };
}

function decodeEscape(sequence: string): KeyEvent {
  if (sequence === '\x1b' || sequence === '\x1b\x1b') return keyEvent('escape');
  const csi = /^\x1b\x1b?\[\[?([\d;]*)([A-Za-z~])$/.exec(sequence);
  const altPrefix = sequence.startsWith('\x1b\x1b');
  if (csi) {
    const [, params = '', final = ''] = csi;
    const parts = params.split(';');
    const modifiers = modifiersOf(Number(parts[1] ?? 1));
    if (altPrefix) modifiers.meta = true;
    if (final === '~') return keyEvent(tildeKeys[parts[0] ?? ''] ?? 'unknown', modifiers);
    if (final === 'Z') return keyEvent('tab', { ...modifiers, shift: true });
    return keyEvent(csiKeys[final] ?? 'unknown', modifiers);
  }
  const ss3 = /^\x1bO([A-Za-z])$/.exec(sequence);
  if (ss3) {
    const final = ss3[1] ?? '';
    if (final === 'Q') return keyEvent('f2');
    if (final === 'R') return keyEvent('f3');
    if (final === 'S') return keyEvent('f4');
    return keyEvent(csiKeys[final] ?? 'unknown');
  }
  // ESC + one character: Alt/Meta + key
  const rest = sequence.slice(1);
  if (rest === '\r' || rest === '\n') return keyEvent('return', { meta: true });
  if (rest === '\x7f' || rest === '\b') return keyEvent('backspace', { meta: true });
  if (rest.length > 0 && rest.charCodeAt(0) >= 0x20) return keyEvent('char', { text: rest, meta: true });
  return keyEvent('unknown');
}

/** ESC and a control key read together (Esc then Ctrl+D typed fast) are two keys. */
function decodeEscapeRun(sequence: string): KeyEvent[] {
  const rest = sequence.slice(1);
  if (rest.length === 1 && rest !== '\r' && rest !== '\n' && rest !== '\x7f' && rest !== '\b' && rest.charCodeAt(0) < 0x20) {
    return [keyEvent('escape'), decodeControl(rest)];
  }
  return [decodeEscape(sequence)];
}

function decodeControl(char: string): KeyEvent {
  const code = char.charCodeAt(0);
  if (char === '\r') return keyEvent('return');
  if (char === '\n') return keyEvent('j', { ctrl: true });
  if (char === '\t') return keyEvent('tab');
  if (char === '\x7f' || char === '\b') return keyEvent('backspace');
  if (code === 0) return keyEvent('space', { ctrl: true });
  if (code < 0x20) return keyEvent(String.fromCharCode(code + 0x60), { ctrl: true });
  return keyEvent('unknown');
}

// eslint-disable-next-line no-control-regex
const controlChar = /[\u0000-\u001f\u007f]/;

/** Decodes one raw input event as Ink emits it (a text run, or one escape sequence). */
export function decodeInput(raw: string): KeyEvent[] {
  if (raw === '') return [];
  if (raw.startsWith('\x1b')) return decodeEscapeRun(raw);
  if (raw.length === 1 || (raw.length === 2 && raw === '\r\n')) {
    return controlChar.test(raw[0] ?? '') ? [decodeControl(raw[0] ?? '')] : [keyEvent('char', { text: raw })];
  }
  // Text followed by Tab in one read (fast typing, scripted input): the Tab is the completion key.
  if (/[^\t]\t$/.test(raw)) return [...decodeInput(raw.slice(0, -1)), keyEvent('tab')];
  const printable = raw.replace(/[\r\n\t]/g, '');
  // A run of text, possibly with line breaks: a paste. Other control characters (fast typing of
  // Ctrl keys) split the run into separate events.
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(printable + raw)) {
    return /[\r\n]/.test(raw) ? [keyEvent('paste', { text: raw })] : [keyEvent('char', { text: raw })];
  }
  const events: KeyEvent[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') events.push(/[\r\n]/.test(text) ? keyEvent('paste', { text }) : keyEvent('char', { text }));
    text = '';
  };
  for (const char of raw) {
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(char)) {
      flush();
      events.push(decodeControl(char));
    } else {
      text += char;
    }
  }
  flush();
  return events;
}
