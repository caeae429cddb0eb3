// Where keys.json lives (beside profiles.json and the named queries: $DSNSH_CONFIG_DIR, else
// $XDG_CONFIG_HOME/dsnsh) and reading it. A missing file means the defaults; an unreadable one is
// a problem to show, never a crash.
import fs from 'node:fs';
import path from 'node:path';
import { configDir } from '../../profiles/config-dir.js';
import { applyKeyBindings } from './key-bindings.js';
import { parseKeyConfig, type KeyConfig } from './key-config.js';

export const KEYS_FILE_NAME = 'keys.json';

export function keysFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(configDir(env), KEYS_FILE_NAME);
}

export function readKeyConfig(file: string = keysFile()): KeyConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { overrides: new Map(), vi: null, problems: [] };
    return { overrides: new Map(), vi: null, problems: [`${file}: cannot be read (${code ?? String(error)}); using the default keys.`] };
  }
  return parseKeyConfig(text, file);
}

/** Reads keys.json and makes its keys the console's; returns what it found (vi, problems). */
export function loadKeyConfig(file: string = keysFile()): KeyConfig {
  const config = readKeyConfig(file);
  applyKeyBindings(config.overrides);
  return config;
}
