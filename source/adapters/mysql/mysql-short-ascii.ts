// Short ASCII values decoded in JavaScript: String.fromCharCode with one argument per byte stays
// inside V8, while Buffer's native slice methods cost ~50 ns per call just to cross into C++ (the
// same idea as mysql2's own decodeShort, which stops at 8 bytes). Every ASCII byte is the same
// code unit in UTF-8, ASCII and Latin-1, so the result is what any of those slices would give.

export const SHORT_ASCII_MAX = 16;

const c = String.fromCharCode;

/** buffer[s, s + length) as a string when 1 <= length <= SHORT_ASCII_MAX and every byte is ASCII; else null. */
export function shortAscii(b: Buffer, s: number, length: number): string | null {
  // One case per length: each call gets exactly its code units (an arguments array would allocate).
  switch (length) {
    case 1: {
      const x0 = b[s]!;
      return x0 < 0x80 ? c(x0) : null;
    }
    case 2: {
      const x0 = b[s]!,
        x1 = b[s + 1]!;
      return (x0 | x1) < 0x80 ? c(x0, x1) : null;
    }
    case 3: {
      const x0 = b[s]!,
        x1 = b[s + 1]!,
        x2 = b[s + 2]!;
      return (x0 | x1 | x2) < 0x80 ? c(x0, x1, x2) : null;
    }
    case 4: {
      const x0 = b[s]!,
        x1 = b[s + 1]!,
        x2 = b[s + 2]!,
        x3 = b[s + 3]!;
      return (x0 | x1 | x2 | x3) < 0x80 ? c(x0, x1, x2, x3) : null;
    }
    case 5: {
      const x0 = b[s]!,
        x1 = b[s + 1]!,
        x2 = b[s + 2]!,
        x3 = b[s + 3]!,
        x4 = b[s + 4]!;
      return (x0 | x1 | x2 | x3 | x4) < 0x80 ? c(x0, x1, x2, x3, x4) : null;
    }
    case 6: {
      const x0 = b[s]!,
        x1 = b[s + 1]!,
        x2 = b[s + 2]!,
        x3 = b[s + 3]!,
        x4 = b[s + 4]!,
        x5 = b[s + 5]!;
      return (x0 | x1 | x2 | x3 | x4 | x5) < 0x80 ? c(x0, x1, x2, x3, x4, x5) : null;
    }
    case 7: {
      const x0 = b[s]!,
        x1 = b[s + 1]!,
        x2 = b[s + 2]!,
        x3 = b[s + 3]!,
        x4 = b[s + 4]!,
        x5 = b[s + 5]!,
        x6 = b[s + 6]!;
      return (x0 | x1 | x2 | x3 | x4 | x5 | x6) < 0x80 ? c(x0, x1, x2, x3, x4, x5, x6) : null;
    }
    case 8: {
      const x0 = b[s]!,
        x1 = b[s + 1]!,
        x2 = b[s + 2]!,
        x3 = b[s + 3]!,
        x4 = b[s + 4]!,
        x5 = b[s + 5]!,
        x6 = b[s + 6]!,
        x7 = b[s + 7]!;
      return (x0 | x1 | x2 | x3 | x4 | x5 | x6 | x7) < 0x80 ? c(x0, x1, x2, x3, x4, x5, x6, x7) : null;
    }
    case 9: {
      const x0 = b[s]!,
        x1 = b[s + 1]!,
        x2 = b[s + 2]!,
        x3 = b[s + 3]!,
        x4 = b[s + 4]!,
        x5 = b[s + 5]!,
        x6 = b[s + 6]!,
        x7 = b[s + 7]!,
        x8 = b[s + 8]!;
      return (x0 | x1 | x2 | x3 | x4 | x5 | x6 | x7 | x8) < 0x80 ? c(x0, x1, x2, x3, x4, x5, x6, x7, x8) : null;
    }
    case 10: {
      const x0 = b[s]!,
        x1 = b[s + 1]!,
        x2 = b[s + 2]!,
        x3 = b[s + 3]!,
        x4 = b[s + 4]!,
        x5 = b[s + 5]!,
        x6 = b[s + 6]!,
        x7 = b[s + 7]!,
        x8 = b[s + 8]!,
        x9 = b[s + 9]!;
      return (x0 | x1 | x2 | x3 | x4 | x5 | x6 | x7 | x8 | x9) < 0x80 ? c(x0, x1, x2, x3, x4, x5, x6, x7, x8, x9) : null;
    }
    case 11: {
      const x0 = b[s]!,
        x1 = b[s + 1]!,
        x2 = b[s + 2]!,
        x3 = b[s + 3]!,
        x4 = b[s + 4]!,
        x5 = b[s + 5]!,
        x6 = b[s + 6]!,
        x7 = b[s + 7]!,
        x8 = b[s + 8]!,
        x9 = b[s + 9]!,
        x10 = b[s + 10]!;
      return (x0 | x1 | x2 | x3 | x4 | x5 | x6 | x7 | x8 | x9 | x10) < 0x80 ? c(x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10) : null;
    }
    case 12: {
      const x0 = b[s]!,
        x1 = b[s + 1]!,
        x2 = b[s + 2]!,
        x3 = b[s + 3]!,
        x4 = b[s + 4]!,
        x5 = b[s + 5]!,
        x6 = b[s + 6]!,
        x7 = b[s + 7]!,
        x8 = b[s + 8]!,
        x9 = b[s + 9]!,
        x10 = b[s + 10]!,
        x11 = b[s + 11]!;
      return (x0 | x1 | x2 | x3 | x4 | x5 | x6 | x7 | x8 | x9 | x10 | x11) < 0x80
        ? c(x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11)
        : null;
    }
    case 13: {
      const x0 = b[s]!,
        x1 = b[s + 1]!,
        x2 = b[s + 2]!,
        x3 = b[s + 3]!,
        x4 = b[s + 4]!,
        x5 = b[s + 5]!,
        x6 = b[s + 6]!,
        x7 = b[s + 7]!,
        x8 = b[s + 8]!,
        x9 = b[s + 9]!,
        x10 = b[s + 10]!,
        x11 = b[s + 11]!,
        x12 = b[s + 12]!;
      return (x0 | x1 | x2 | x3 | x4 | x5 | x6 | x7 | x8 | x9 | x10 | x11 | x12) < 0x80
        ? c(x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12)
        : null;
    }
    case 14: {
      const x0 = b[s]!,
        x1 = b[s + 1]!,
        x2 = b[s + 2]!,
        x3 = b[s + 3]!,
        x4 = b[s + 4]!,
        x5 = b[s + 5]!,
        x6 = b[s + 6]!,
        x7 = b[s + 7]!,
        x8 = b[s + 8]!,
        x9 = b[s + 9]!,
        x10 = b[s + 10]!,
        x11 = b[s + 11]!,
        x12 = b[s + 12]!,
        x13 = b[s + 13]!;
      return (x0 | x1 | x2 | x3 | x4 | x5 | x6 | x7 | x8 | x9 | x10 | x11 | x12 | x13) < 0x80
        ? c(x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13)
        : null;
    }
    case 15: {
      const x0 = b[s]!,
        x1 = b[s + 1]!,
        x2 = b[s + 2]!,
        x3 = b[s + 3]!,
        x4 = b[s + 4]!,
        x5 = b[s + 5]!,
        x6 = b[s + 6]!,
        x7 = b[s + 7]!,
        x8 = b[s + 8]!,
        x9 = b[s + 9]!,
        x10 = b[s + 10]!,
        x11 = b[s + 11]!,
        x12 = b[s + 12]!,
        x13 = b[s + 13]!,
        x14 = b[s + 14]!;
      return (x0 | x1 | x2 | x3 | x4 | x5 | x6 | x7 | x8 | x9 | x10 | x11 | x12 | x13 | x14) < 0x80
        ? c(x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14)
        : null;
    }
    case 16: {
      const x0 = b[s]!,
        x1 = b[s + 1]!,
        x2 = b[s + 2]!,
        x3 = b[s + 3]!,
        x4 = b[s + 4]!,
        x5 = b[s + 5]!,
        x6 = b[s + 6]!,
        x7 = b[s + 7]!,
        x8 = b[s + 8]!,
        x9 = b[s + 9]!,
        x10 = b[s + 10]!,
        x11 = b[s + 11]!,
        x12 = b[s + 12]!,
        x13 = b[s + 13]!,
        x14 = b[s + 14]!,
        x15 = b[s + 15]!;
      return (x0 | x1 | x2 | x3 | x4 | x5 | x6 | x7 | x8 | x9 | x10 | x11 | x12 | x13 | x14 | x15) < 0x80
        ? c(x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14, x15)
        : null;
    }
    default:
      return null;
  }
}
