// The console keeps earlier outcomes on screen (the scrollback): a test looking at one outcome
// takes the screen from the last line that starts it down to the prompt.
export function newestBlock(screen: string, start: RegExp): string {
  const starts = [...screen.matchAll(new RegExp(start.source, `${start.flags.replace('g', '')}g`))];
  const from = starts.at(-1)?.index ?? 0;
  const prompt = screen.indexOf('\nsql>', from);
  return screen.slice(from, prompt === -1 ? undefined : prompt);
}
