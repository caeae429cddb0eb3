// Finding a column by name for `@` (jump to a column): exact name first, then a prefix, then a
// substring, all case-insensitive; Tab completes to what the candidates share.

export function columnCandidates(names: readonly string[], typed: string): number[] {
  const wanted = typed.toLowerCase();
  const indexes = names.map((_, index) => index);
  const exact = indexes.filter((index) => names[index]?.toLowerCase() === wanted);
  const prefix = indexes.filter((index) => names[index]?.toLowerCase().startsWith(wanted) && !exact.includes(index));
  const inside = indexes.filter(
    (index) => names[index]?.toLowerCase().includes(wanted) && !exact.includes(index) && !prefix.includes(index),
  );
  return [...exact, ...prefix, ...inside];
}

/** The typed text extended to the longest prefix the names starting with it share. */
export function completeColumnName(names: readonly string[], typed: string): string {
  const starting = names.filter((name) => name.toLowerCase().startsWith(typed.toLowerCase()));
  if (starting.length === 0) return typed;
  let shared = starting[0] ?? typed;
  for (const name of starting.slice(1)) {
    let length = 0;
    while (length < shared.length && length < name.length && shared[length]?.toLowerCase() === name[length]?.toLowerCase()) length += 1;
    shared = shared.slice(0, length);
  }
  return shared.length >= typed.length ? shared : typed;
}
