// One decoded key or pasted text. Ink hands over raw input events (text runs and single escape
// sequences); decode-input.ts turns them into these.

export interface KeyEvent {
  /** 'char' for printable text, otherwise the key: return, tab, up, pageDown, f1, ... */
  name: string;
  /** Printable text for name 'char' and 'paste' */
  text: string;
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
}

export function keyEvent(name: string, modifiers: Partial<Omit<KeyEvent, 'name'>> = {}): KeyEvent {
  return {
    name,
    text: modifiers.text ?? '',
    ctrl: modifiers.ctrl ?? false,
    meta: modifiers.meta ?? false,
    shift: modifiers.shift ?? false,
  };
}
