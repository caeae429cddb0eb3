// Go's strconv.Atoi grammar: optional sign, decimal digits, within int64.
export function parseGoInt(text: string): number | null {
  if (!/^[+-]?\d+$/.test(text)) return null;
  const value = BigInt(text);
  if (value > (1n << 63n) - 1n || value < -(1n << 63n)) return null;
  return Number(value);
}
