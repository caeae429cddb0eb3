// Types of packed-install.mjs for the tests written in TypeScript.
export const PREBUILT_HOST: string;
export function minimalEnv(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export function packBuild(projectRoot: string, distDir: string, work: string): string;
export function npmCacheWithPrebuilt(projectRoot: string, work: string): string;
export function appLockfile(projectRoot: string, folder: string, tarball: string): object;
export function installPacked(options: {
  projectRoot: string;
  folder: string;
  tarball: string;
  npmCache: string;
  env?: NodeJS.ProcessEnv;
}): Promise<{ code: number; output: string }>;
