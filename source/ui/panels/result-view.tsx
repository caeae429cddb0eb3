// The result area: exactly `height` lines, only the visible rows rendered.
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { ScreenLine } from '../query/result-lines.js';
import { theme } from '../theme.js';

const toneProps = (tone: ScreenLine['tone']) => {
  switch (tone) {
    case 'focused': return { inverse: true };
    case 'muted': return { color: theme.muted, dimColor: !theme.enabled ? false : undefined };
    case 'error': return { color: theme.error, bold: !theme.enabled };
    case 'heading': return { bold: true };
    default: return {};
  }
};

export const ResultView = memo(function ResultView({ lines, height }: { lines: ScreenLine[]; height: number }) {
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      {lines.slice(0, height).map((entry, index) => (
        // eslint-disable-next-line react/no-array-index-key -- lines are positional
        <Text key={index} wrap="truncate-end" {...toneProps(entry.tone)}>{entry.text === '' ? ' ' : entry.text}</Text>
      ))}
    </Box>
  );
});
