// Any failure as a message and a hint for the screen, never a stack trace. What a lost connection
// took with it is said by session/lost-connection-hint.ts.
import { AdapterError } from '../../adapters/adapter-error.js';
import { DsnError } from '../../dsn/errors.js';

export function describeFailure(error: unknown): { message: string; hint: string | null } {
  if (error instanceof DsnError) return { message: error.message, hint: error.hint };
  if (error instanceof AdapterError) return { message: error.message, hint: error.hint };
  return { message: error instanceof Error ? error.message : String(error), hint: null };
}
