import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { consoleLayout } from '../../source/ui/layout.js';
import { enterAlternateScreen } from '../../source/ui/terminal-screen.js';
import { osc52 } from '../../source/ui/copy.js';

describe('terminal screen guard', () => {
  it('enters the alternate screen with bracketed paste and restores once', () => {
    const out = new PassThrough();
    let written = '';
    out.on('data', (chunk: Buffer) => { written += chunk.toString(); });
    const stdin = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.ReadStream;
    const listeners = process.listenerCount('uncaughtException');
    const guard = enterAlternateScreen(out as unknown as NodeJS.WriteStream, stdin);
    guard.restore();
    guard.restore();
    expect(written.startsWith('\x1b[?1049h\x1b[?2004h')).toBe(true);
    expect(written.match(/\x1b\[\?1049l/g)).toHaveLength(1);
    expect(written).toContain('\x1b[?25h');
    expect(process.listenerCount('uncaughtException')).toBe(listeners);
  });
});

describe('layout', () => {
  it.each([
    [80, 24, 1], [120, 40, 3], [80, 24, 50], [40, 10, 1],
  ])('%ix%i with %i prompt lines fits in rows - 1', (columns, rows, promptText) => {
    const layout = consoleLayout(columns, rows, promptText);
    const top = layout.showPanels ? 6 : 3;
    expect(top + layout.resultHeight + layout.promptLines + 2).toBeLessThanOrEqual(rows - 1);
    expect(layout.height).toBe(rows - 1);
  });
});

describe('OSC 52', () => {
  it('encodes the text as base64 for the clipboard', () => {
    expect(osc52('a\tb')).toBe('\x1b]52;c;YQli\x07');
  });
});
