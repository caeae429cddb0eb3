// Characters that are each one grapheme and one terminal column (ambiguous width taken as narrow):
// printable ASCII and Latin-1 (less soft hyphen, © and ®), dashes and quotes, ←↑→↓ ∞ ● ✓ ✗, box
// drawing, block elements and Braille. A text made only of them is as wide as it is long, so
// result rows with '│' need no grapheme segmentation. scripts/build.mjs patches string-width
// with the same class (test/ui/string-width-patch.test.ts checks both and that they agree).
export const SINGLE_WIDTH_CLASS =
  '\\u0020-\\u007E\\u00A0-\\u00A8\\u00AA-\\u00AC\\u00AF-\\u00FF\\u2010-\\u2027\\u2030-\\u203B' +
  '\\u2190-\\u2193\\u221E\\u25CF\\u2713\\u2717\\u2500-\\u259F\\u2800-\\u28FF';

const singleWidthText = new RegExp(`^[${SINGLE_WIDTH_CLASS}]*$`);

export const isSingleWidthText = (text: string): boolean => singleWidthText.test(text);
