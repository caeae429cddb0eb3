// --replicas N (sessions, profile add): the replica count of the service using the DSN.
import { UsageError } from '../session/usage-error.js';

export function parseReplicas(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[1-9][0-9]{0,4}$/.test(text))
    throw new UsageError(
      `--replicas expects a whole number of at least 1, got "${text}"`,
      "e.g. --replicas 3 (the Deployment's replica count)",
    );
  return Number(text);
}
