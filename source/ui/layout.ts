// Heights of the console's parts for a terminal size: laid out at rows - 1 so the last line never
// scrolls the screen; the live panels fold away on very short terminals.

export interface ConsoleLayout {
  width: number;
  height: number;
  showPanels: boolean;
  /** The one-line notice of the DSN's warnings under the header (when there are any and room) */
  showWarnings: boolean;
  promptLines: number;
  resultHeight: number;
}

/** `activityLine`: the pool panel has the line of server sessions by application (servers only) */
export function consoleLayout(columns: number, rows: number, promptTextLines: number, warnings = 0, activityLine = false): ConsoleLayout {
  const height = Math.max(4, rows - 1);
  const width = Math.max(20, columns);
  const showPanels = height >= 15;
  const showWarnings = warnings > 0 && height >= 10;
  const top = (showPanels ? 2 + 3 + (activityLine ? 1 : 0) + 1 : 2 + 1) + (showWarnings ? 1 : 0);
  const maxPrompt = Math.max(1, Math.min(8, Math.floor(height / 4)));
  const promptLines = Math.min(maxPrompt, Math.max(1, promptTextLines));
  const resultHeight = Math.max(1, height - top - promptLines - 2);
  return { width, height, showPanels, showWarnings, promptLines, resultHeight };
}
