// Go's time.LoadLocation as the services' drivers call it (MySQL `loc`, SQLite `_loc`): "" and
// "UTC" are UTC, "Local" is the machine's zone, anything else must name a zoneinfo file, exactly:
// the lookup is case-sensitive (`utc` fails). Checked here with the platform's zone database
// (Intl); an alias must be spelt as tzdata spells it (every path part capitalised).

export function goLocationProblem(name: string): string | null {
  if (name === '' || name === 'UTC' || name === 'Local') return null;
  if (name.startsWith('/') || name.startsWith('\\') || name.split('/').includes('..')) return 'Go refuses zone names that are paths';
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return 'it is not a known time zone';
  }
  if (resolved === name) return null;
  if (resolved.toLowerCase() === name.toLowerCase()) return `zone names are case-sensitive in Go: write ${resolved}`;
  // An alias (US/Pacific, EST, GB): tzdata capitalises every part of its names.
  return name.split('/').every((part) => /^[A-Z]/.test(part))
    ? null
    : 'zone names are case-sensitive in Go (tzdata capitalises each part, e.g. US/Pacific)';
}
