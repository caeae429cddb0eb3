// What a saved profile holds, and the rules for its name.
import type { ProfileSettings } from './target.js';
import { ProfileError } from './profile-error.js';

export interface Profile extends ProfileSettings {
  name: string;
  /** As saved: may contain ${ENV} references, expanded only when connecting */
  dsn: string;
}

/** Always present, never saved, cannot be removed or overwritten. */
export const MEMORY_PROFILE: Profile = { name: 'memory', dsn: 'memory', note: 'built-in: SQLite in memory, gone when dsnsh exits' };

// Dots and dashes are allowed (`prod.eu-1`); no slashes, spaces or `:` so a name never looks like a DSN.
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;

// Keys that mean something to JavaScript objects.
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

export function checkProfileName(name: string): void {
  if (!NAME.test(name) || name.includes('..') || RESERVED.has(name)) {
    throw new ProfileError(
      'bad_name',
      `"${name}" is not a valid profile name`,
      'use letters, digits, "_", "." and "-" (up to 64 characters, starting with a letter, digit or "_")',
    );
  }
}

export function isBuiltinProfile(name: string): boolean {
  return name === MEMORY_PROFILE.name;
}
