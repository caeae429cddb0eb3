// Tab completion with names fetched lazily from introspection: tables on the first Tab, columns
// of the tables a statement mentions when first needed. A huge catalog never delays typing: the
// fetch runs in the background and the Tab that started it completes when it returns.
import { useCallback, useRef } from 'react';
import type { Adapter } from '../../adapters/adapter.js';
import { commonPrefix, completionCandidates, tablesMentioned, wordAtCursor } from '../sql/completion.js';
import type { PromptEditor } from './use-prompt-editor.js';
import type { ConsoleSession } from '../query/console-session.js';

export function useCompletion(adapter: Adapter | null, session: ConsoleSession | null, editor: PromptEditor, notify: (text: string | null) => void) {
  const tables = useRef<string[] | null>(null);
  const columns = useRef(new Map<string, string[]>());

  const names = useCallback(async (text: string): Promise<string[]> => {
    // A single connection held by an open transaction: use what is cached.
    if (!adapter || session?.othersMustWait) return [...(tables.current ?? []), ...[...columns.current.values()].flat()];
    if (tables.current === null) {
      const found = await adapter.introspect.tables().catch(() => []);
      const schemas = adapter.capabilities.schemas ? (await adapter.introspect.schemas().catch(() => [])).map((schema) => schema.name) : [];
      tables.current = [...new Set([...found.flatMap((table) => [table.name, `${table.schema}.${table.name}`]), ...schemas])];
    }
    const mentioned = tablesMentioned(text);
    for (const table of mentioned) {
      if (!columns.current.has(table)) {
        const [schema, name] = table.includes('.') ? table.split('.', 2) as [string, string] : [undefined, table];
        const found = await adapter.introspect.columns(name, schema).catch(() => []);
        columns.current.set(table, found.map((column) => column.name));
      }
    }
    return [...tables.current, ...mentioned.flatMap((table) => columns.current.get(table) ?? [])];
  }, [adapter, session]);

  return useCallback(async () => {
    const { text, cursor } = editor.read();
    const word = wordAtCursor(text, cursor);
    if (word.word === '') return;
    const candidates = completionCandidates(word.word, await names(text));
    // The buffer may have changed while names were fetched: complete only the same word.
    const now = editor.read();
    if (now.text !== text || now.cursor !== cursor) return;
    if (candidates.length === 0) { notify('no completion'); return; }
    const replacement = candidates.length === 1 ? `${candidates[0]} ` : commonPrefix(candidates);
    if (replacement.length > word.word.length || candidates.length === 1) {
      editor.apply({ type: 'replaceRange', from: word.from, to: word.to, text: replacement });
    }
    notify(candidates.length > 1 ? candidates.slice(0, 12).join('  ') : null);
  }, [editor, names, notify]);
}
