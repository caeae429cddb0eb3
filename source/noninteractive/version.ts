// The version printed by --version, taken from package.json when the bundle is built.
import packageJson from '../../package.json' with { type: 'json' };

export const VERSION: string = packageJson.version;
