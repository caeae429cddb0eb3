import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { consoleLayout } from '../../source/ui/layout.js';
import { enterAlternateScreen } from '../../source/ui/terminal-screen.js';
import { osc52 } from '../../source/ui/copy.js';

describe('terminal screen guard', () => {
  it('enters the alternate screen with bracketed paste and restores once', () => {
    const out = new PassThrough();
    let written = '';
    out.on('data', (chunk: Buffer) => {
      written += chunk.toString();
    });
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
    [80, 24, 1, 0],
    [120, 40, 3, 0],
    [80, 24, 50, 0],
    [40, 10, 1, 0],
    [80, 24, 1, 2],
    [80, 24, 50, 1],
    [80, 16, 8, 3],
    [40, 10, 1, 1],
  ])('%ix%i with %i prompt lines and %i DSN warnings fits in rows - 1', (columns, rows, promptText, warnings) => {
    const layout = consoleLayout(columns, rows, promptText, warnings);
    const top = (layout.showPanels ? 6 : 3) + (layout.showWarnings ? 1 : 0);
    expect(top + layout.resultHeight + layout.promptLines + 2).toBeLessThanOrEqual(Math.max(4, rows - 1));
    expect(layout.height).toBe(Math.max(4, rows - 1));
  });

  it('shows the warning line only when there are warnings and room', () => {
    expect(consoleLayout(80, 24, 1, 0).showWarnings).toBe(false);
    expect(consoleLayout(80, 24, 1, 2)).toMatchObject({ showWarnings: true, showPanels: true });
    expect(consoleLayout(80, 24, 1, 2).resultHeight).toBe(consoleLayout(80, 24, 1, 0).resultHeight - 1);
    expect(consoleLayout(40, 8, 1, 1).showWarnings).toBe(false);
  });
});

describe('OSC 52', () => {
  it('encodes the text as base64 for the clipboard', () => {
    expect(osc52('a\tb')).toBe('\x1b]52;c;YQli\x07');
  });
});
