// jest's setupFilesAfterEnv: every property test of the file runs with the seed the run chose
// (__tests__/fast-check-seed.js), in the file's own fast-check.
import fc from 'fast-check';

const seed = Number(process.env.FC_SEED);
if (process.env.FC_SEED !== undefined && Number.isSafeInteger(seed)) {
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
