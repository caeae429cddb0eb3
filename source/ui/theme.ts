// Colours used by the console; none at all under NO_COLOR (https://no-color.org).

const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';

export const theme = {
  enabled: !noColor,
  accent: noColor ? undefined : 'cyan',
  muted: noColor ? undefined : 'gray',
  error: noColor ? undefined : 'red',
  warning: noColor ? undefined : 'yellow',
  ok: noColor ? undefined : 'green',
  keyword: noColor ? undefined : 'blue',
  string: noColor ? undefined : 'green',
  number: noColor ? undefined : 'magenta',
  comment: noColor ? undefined : 'gray',
} as const;
