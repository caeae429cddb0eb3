// The query prompt: the buffer's lines (up to a limit, scrolled to keep the cursor visible) with
// the cursor drawn as an inverse cell. The terminal's own cursor stays hidden.
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import type { SqlDialect } from '../../sql/dialect.js';
import { classify, runs, type SyntaxClass } from '../format/highlight.js';
import { displayWidth, sliceColumns } from '../format/display-width.js';
import type { HistorySearch } from '../hooks/use-prompt-editor.js';
import { lineAndColumn } from '../state/text-motion.js';
import type { PromptBuffer } from '../state/prompt-buffer.js';
import { theme } from '../theme.js';

export const PROMPT = 'sql> ';
const CONTINUATION = ' ..> ';

export function promptHeight(buffer: PromptBuffer, maxLines: number): number {
  return Math.min(maxLines, buffer.text.split('\n').length);
}

const syntaxColour: Record<SyntaxClass, string | undefined> = {
  plain: undefined,
  keyword: theme.keyword,
  string: theme.string,
  number: theme.number,
  comment: theme.comment,
};

function Coloured({ text, classes, from, to }: { text: string; classes: SyntaxClass[]; from: number; to: number }) {
  if (!theme.enabled || from >= to) return <>{text.slice(from, to)}</>;
  return (
    <>
      {runs(text, classes, from, to).map((run, index) => (
        <Text key={index} color={syntaxColour[run.syntax]}>
          {run.text}
        </Text>
      ))}
    </>
  );
}

interface PromptViewProps {
  dialect: SqlDialect;
  buffer: PromptBuffer;
  search: HistorySearch | null;
  width: number;
  maxLines: number;
  active: boolean;
}

export function PromptView({ dialect, buffer, search, width, maxLines, active }: PromptViewProps) {
  if (search) {
    const match = search.match === -1 ? '' : (buffer.history[search.match] ?? '').replace(/[\n\t]/g, ' ');
    return (
      <Text wrap="truncate-end">
        {`(history search) '${search.query}': `}
        {match}
      </Text>
    );
  }
  // A TAB is shown as one space: same length, so every offset and column below still holds.
  const shown = buffer.text.replace(/\t/g, ' ');
  const lines = shown.split('\n');
  const { line: cursorLine, column } = lineAndColumn(shown, buffer.cursor);
  const height = Math.min(maxLines, lines.length);
  const first = Math.max(0, Math.min(cursorLine - height + 1, lines.length - height));
  const room = Math.max(1, width - PROMPT.length - 1);
  const classes = useMemo(() => (theme.enabled ? classify(buffer.text, dialect) : []), [buffer.text, dialect]);
  let lineOffset = 0;
  const offsets = lines.map((text) => {
    const start = lineOffset;
    lineOffset += text.length + 1;
    return start;
  });
  return (
    <Box flexDirection="column">
      {lines.slice(first, first + height).map((text, offset) => {
        const index = first + offset;
        const prefix = index === 0 ? PROMPT : CONTINUATION;
        const start = offsets[index] ?? 0;
        const fits = displayWidth(text) < room;
        if (index !== cursorLine || !active) {
          return (
            <Text key={index} wrap="truncate-end">
              <Text color={theme.accent}>{prefix}</Text>
              {fits ? <Coloured text={shown} classes={classes} from={start} to={start + text.length} /> : sliceColumns(text, 0, room)}
            </Text>
          );
        }
        const before = text.slice(0, column);
        const cursorChar = [...text.slice(column)][0] ?? ' ';
        const after = text.slice(column + cursorChar.length);
        if (fits) {
          return (
            <Text key={index} wrap="truncate-end">
              <Text color={theme.accent}>{prefix}</Text>
              <Coloured text={shown} classes={classes} from={start} to={start + column} />
              <Text inverse>{cursorChar}</Text>
              <Coloured text={shown} classes={classes} from={start + column + cursorChar.length} to={start + text.length} />
            </Text>
          );
        }
        // Scroll the line horizontally so the cursor stays on screen.
        const shift = Math.max(0, displayWidth(before) - room + 1);
        const visibleBefore = sliceColumns(before, shift, room);
        const rest = Math.max(0, room - displayWidth(visibleBefore) - displayWidth(cursorChar));
        return (
          <Text key={index} wrap="truncate-end">
            <Text color={theme.accent}>{prefix}</Text>
            {visibleBefore}
            <Text inverse>{cursorChar}</Text>
            {sliceColumns(after, 0, rest)}
          </Text>
        );
      })}
    </Box>
  );
}
