// The interactive console's entry point (cli.tsx imports this only on a TTY).
import type { ConsoleOptions } from './start-console.js';
import { loadConsoleModule } from './load-console.js';

export type { ConsoleOptions } from './start-console.js';

export async function runConsole(options: ConsoleOptions): Promise<number> {
  // React's production build: scripts/build.mjs defines process.env.NODE_ENV as "production",
  // so the bundle holds only that build (unset at run time, React would load the development
  // build, several times slower to start and render).
  const { startConsole } = await withoutFetch(loadConsoleModule);
  return startConsole(options);
}

/**
 * Ink's layout engine (yoga, WebAssembly) checks `typeof fetch` while it loads, and Node's
 * global fetch is a getter that loads undici on first touch: 40-60 ms before the first frame,
 * for a fetch nobody makes (the engine is inlined and compiled from memory). Hidden while the
 * console's modules load, then restored.
 */
async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!descriptor?.configurable) return load();
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await load();
  } finally {
    Object.defineProperty(globalThis, 'fetch', descriptor);
  }
}
