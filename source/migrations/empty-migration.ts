// popx's empty-file rule: a file whose every line is blank or starts (after spaces) with `--` is
// empty, so nothing is sent and its version is recorded. The test is popx's, not the server's:
// `--DROP INDEX …` (no space after the dashes) is a comment here, though MySQL would not read it so.

// Go's `\s` is [\t\n\f\r ] (no vertical tab) and its `.` takes everything but a newline.
const EMPTY_LINE = /^[\t\f\r ]*(?:--[^\n]*)?$/;

export function isMigrationEmpty(content: string): boolean {
  return content.split('\n').every((line) => EMPTY_LINE.test(line));
}
