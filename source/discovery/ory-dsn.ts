// Which DSN an Ory service uses, given its environment and its config files, by the rules of
// Ory's config loader (ory/x configx on koanf): the files are loaded in order (a later file's dsn
// beats an earlier one), then every environment variable whose name, lower-cased with "_" read
// as ".", is "dsn" (so DSN, dsn, Dsn), the last of them winning. An empty DSN variable still
// wins, and the service then stops with "dsn must be set".
import { DiscoveryError } from './discovery-error.js';
import { readConfigFileDsn, type FileLocation } from './config-file-dsn.js';
import { dsnVariable } from './dsn-variable.js';

export { dsnVariable } from './dsn-variable.js';

export interface OryDsn {
  dsn: string;
  /** Where it came from, for messages: "DSN in pid 1's environment", "dsn key of /etc/kratos.yml line 3" */
  origin: string;
  notes: string[];
}

export interface OryDsnInput {
  env: Array<[string, string]>;
  files: string[];
  location: FileLocation;
  /** Whose environment: "pid 1's environment", "the environment" */
  envOwner: string;
  /** The process or file described, for the no-DSN message: "pid 1 (kratos serve)" */
  subject: string;
}

export function oryDsn(input: OryDsnInput): OryDsn {
  const variable = dsnVariable(input.env);
  if (variable !== null) {
    const notes =
      input.files.length > 0
        ? [
            `${variable.name} in ${input.envOwner} beats the dsn key of ${input.files.join(', ')} (Ory loads environment variables after config files)`,
          ]
        : [];
    if (variable.value === '') {
      throw new DiscoveryError(
        'empty_dsn',
        `${variable.name} is set but empty in ${input.envOwner}`,
        `an empty ${variable.name} overrides any dsn in the config files, and Ory's services then stop with "dsn must be set"; set it, or unset it to use the config file`,
      );
    }
    return { dsn: variable.value, origin: `${variable.name} in ${input.envOwner}`, notes };
  }
  let winner: { dsn: string; origin: string } | null = null;
  const otherCase: string[] = [];
  const notes: string[] = [];
  for (const file of input.files) {
    const found = readConfigFileDsn(file, input.location);
    otherCase.push(...found.otherCase.map((key) => `${key} in ${file}`));
    if (found.value === null) continue;
    if (winner !== null)
      notes.push(`the dsn key of ${file} beats the one of ${winner.origin.replace(/^dsn key of /, '')} (later config files win)`);
    winner = { dsn: found.value, origin: `dsn key of ${file}${found.line === null ? '' : ` line ${found.line}`}` };
  }
  if (winner === null) {
    const files = input.files.length === 0 ? 'no -c/--config file' : `no dsn key in ${input.files.join(', ')}`;
    const cased = otherCase.length > 0 ? `; keys are case-sensitive: ${otherCase.join(', ')} is not dsn` : '';
    throw new DiscoveryError(
      'no_dsn',
      `${input.subject} has no DSN: no DSN variable in ${input.envOwner} and ${files}${cased}`,
      'give the DSN with --dsn, or point --config at the file that holds it',
    );
  }
  return { dsn: winner.dsn, origin: winner.origin, notes };
}
