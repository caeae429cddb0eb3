// Notices and hints name the keys in force: after keys.json moves a command, the text follows it.
import { afterEach, describe, expect, it } from 'vitest';
import { applyKeyBindings } from '../../../source/ui/keys/key-bindings.js';
import { cancellingNotice, explainNotice, focusHint, quitNotice, runningHint } from '../../../source/ui/keys/key-notices.js';
import { helpLines } from '../../../source/ui/keys/help-lines.js';

afterEach(() => applyKeyBindings(new Map()));

describe('key notices', () => {
  it('name the default keys', () => {
    expect(quitNotice()).toBe('Ctrl+D or \\q quits');
    expect(cancellingNotice()).toBe('cancelling… (Ctrl+C again quits)');
    expect(runningHint()).toBe('Ctrl+C cancels');
    expect(explainNotice(true)).toBe('F5 explains the statement in the prompt: type one first');
    expect(focusHint()).toBe('focus with Shift+Tab or F6');
  });

  it('follow keys.json', () => {
    applyKeyBindings(
      new Map([
        ['app.quit', ['ctrl+q']],
        ['app.interrupt', ['ctrl+g', 'f10']],
        ['prompt.explain', ['f9']],
        ['app.focusNext', ['f6']],
      ]),
    );
    expect(quitNotice()).toBe('Ctrl+Q or \\q quits');
    expect(cancellingNotice()).toBe('cancelling… (Ctrl+G or F10 again quits)');
    expect(runningHint()).toBe('Ctrl+G or F10 cancels');
    expect(explainNotice(false)).toBe('F9 explains SQL, not a backslash command');
    expect(helpLines()).toContain('Results (focus with F6)');
  });

  it('say when a command has no key', () => {
    applyKeyBindings(new Map([['prompt.explain', []]]));
    expect(explainNotice(true)).toMatch(/^no key \(prompt\.explain is unbound in keys\.json\) explains/);
  });
});
