// The copy keys of the results: c (cell) and r (row) copy at once; y (every loaded row) and Y (the
// focused column) ask for a format first, and the next key answers (t TSV, c CSV, m Markdown).
import { useCallback, useRef } from 'react';
import { copyToClipboard } from '../copy.js';
import { copySelection, type CopyScope } from '../format/copy-selection.js';
import type { CopyFormat } from '../format/copy-text.js';
import type { KeyEvent } from '../keys/key-event.js';
import type { Outcome } from '../query/outcome.js';

const formatKeys: Record<string, CopyFormat> = { t: 'tsv', c: 'csv', m: 'markdown' };

export function useResultCopy(setNotice: (text: string | null) => void) {
  const choosing = useRef<'column' | 'result' | null>(null);

  const copy = useCallback(
    (outcome: Outcome | null, scope: CopyScope, row: number, column: number, format?: CopyFormat) => {
      const selection = copySelection(outcome, scope, row, column, format);
      setNotice('nothing' in selection ? selection.nothing : copyToClipboard(selection.text, selection.what));
    },
    [setNotice],
  );

  /** Starts a copy that asks for its format. */
  const choose = useCallback(
    (scope: 'column' | 'result') => {
      choosing.current = scope;
      setNotice(
        `copy ${scope === 'column' ? 'the focused column' : 'every loaded row'} as: t TSV · c CSV · m Markdown (any other key: not copied)`,
      );
    },
    [setNotice],
  );

  /** The key after y or Y: true when it was taken as the answer. */
  const handleKey = useCallback(
    (event: KeyEvent, outcome: Outcome | null, row: number, column: number): boolean => {
      const scope = choosing.current;
      if (scope === null) return false;
      choosing.current = null;
      const format = event.name === 'char' ? formatKeys[event.text.toLowerCase()] : undefined;
      if (format === undefined) setNotice('not copied');
      else copy(outcome, scope, row, column, format);
      return true;
    },
    [copy, setNotice],
  );

  return { copy, choose, handleKey };
}
