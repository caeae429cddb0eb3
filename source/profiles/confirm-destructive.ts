// Whether the console asks before a destructive statement: the profile's own choice when it made
// one, otherwise on exactly for profiles marked production.
import type { ProfileSettings } from './target.js';

export function confirmsDestructive(settings: ProfileSettings): boolean {
  return settings.confirmDestructive ?? settings.production === true;
}
