// Property tests explore new random inputs on every developer run. Under CI they replay one fixed
// seed, so the run that decides whether work lands is reproducible; new counterexamples are looked
// for before landing (`npm run test:explore`). DSNSH_PROPERTY_SEED replays a reported seed.
import fc from 'fast-check';

const CI_SEED = 20261203;

const requested = process.env.DSNSH_PROPERTY_SEED;
const seed = requested !== undefined && requested !== '' ? Number(requested) : process.env.CI ? CI_SEED : undefined;
if (seed !== undefined) {
  if (!Number.isInteger(seed))
    throw new Error(`DSNSH_PROPERTY_SEED=${requested} is not an integer: give the seed that a failing run printed`);
  fc.configureGlobal({ seed });
}
