// One line under the results: a spinner with elapsed time while a statement runs, otherwise the
// row count and timing, or a notice.
import { Text } from 'ink';
import { theme } from '../theme.js';
import { runningHint } from '../keys/key-notices.js';

const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function spinnerFrame(elapsedMs: number): string {
  return frames[Math.floor(elapsedMs / 100) % frames.length] ?? '⠋';
}

export function StatusLine({ text, runningMs, notice }: { text: string; runningMs: number | null; notice: string | null }) {
  if (runningMs !== null) {
    return (
      <Text
        wrap="truncate-end"
        color={theme.warning}
      >{`${spinnerFrame(runningMs)} running ${(runningMs / 1000).toFixed(1)} s · ${runningHint()}`}</Text>
    );
  }
  // An empty Text takes no line in Ink: keep the line so the prompt does not jump when a status appears.
  if (!text && !notice) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      <Text color={theme.muted}>{text}</Text>
      {notice ? <Text color={theme.warning}>{`${text ? ' · ' : ''}${notice}`}</Text> : null}
    </Text>
  );
}
