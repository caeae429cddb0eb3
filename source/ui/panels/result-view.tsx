// The result area: exactly `height` lines, only the visible rows rendered.
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { ScreenLine } from '../query/result-lines.js';
import { theme } from '../theme.js';

const toneProps = (tone: ScreenLine['tone']) => {
  switch (tone) {
    case 'focused':
      return { inverse: true };
    case 'muted':
      return { color: theme.muted, dimColor: !theme.enabled ? false : undefined };
    case 'error':
      return { color: theme.error, bold: !theme.enabled };
    case 'heading':
      return { bold: true };
    default:
      return {};
  }
};

/** A line with search matches: the matched parts in the opposite video of the line, underlined. */
function MarkedText({ entry }: { entry: ScreenLine & { marks: ReadonlyArray<readonly [number, number]> } }) {
  const parts: Array<{ text: string; marked: boolean }> = [];
  let at = 0;
  for (const [from, to] of entry.marks) {
    if (from > at) parts.push({ text: entry.text.slice(at, from), marked: false });
    parts.push({ text: entry.text.slice(from, to), marked: true });
    at = to;
  }
  if (at < entry.text.length) parts.push({ text: entry.text.slice(at), marked: false });
  const focused = entry.tone === 'focused';
  return (
    <Text wrap="truncate-end" {...toneProps(entry.tone)}>
      {parts.map((part, index) =>
        part.marked ? (
          <Text key={index} inverse={!focused} underline bold>
            {part.text}
          </Text>
        ) : (
          part.text
        ),
      )}
    </Text>
  );
}

export const ResultView = memo(function ResultView({ lines, height }: { lines: ScreenLine[]; height: number }) {
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      {lines.slice(0, height).map((entry, index) =>
        // Keyed by position: a line is its place in the window, not an item that moves.
        entry.marks && entry.marks.length > 0 ? (
          <MarkedText key={index} entry={{ ...entry, marks: entry.marks }} />
        ) : (
          <Text key={index} wrap="truncate-end" {...toneProps(entry.tone)}>
            {entry.text === '' ? ' ' : entry.text}
          </Text>
        ),
      )}
    </Box>
  );
});
