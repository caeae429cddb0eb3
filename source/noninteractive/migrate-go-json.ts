// JSON as Go's encoding/json Encoder writes it (cmdx prints `--format json` so): compact, one
// trailing newline, and `<`, `>`, `&`, U+2028, U+2029 escaped as \u003c … (HTML-safe by default).
const GO_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

export function goJson(value: unknown): string {
  // The characters replaced never appear in JSON syntax outside strings.
  return `${JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c]!)}\n`;
}
