/** The run's one fast-check seed: fixed in CI, chosen by FC_SEED, random otherwise. */
import fc from 'fast-check';
import { CI_SEED, seedFor } from '../fast-check-seed.js';

test('this file’s property tests run with the seed the run printed', () => {
  expect(fc.readConfigureGlobal().seed).toBe(Number(process.env.FC_SEED));
  expect(Number.isSafeInteger(fc.readConfigureGlobal().seed)).toBe(true);
});

test('fixed in CI, replayed from FC_SEED, random when asked or outside CI', () => {
  const drawn = () => 7;
  expect(seedFor({ CI: 'true' }, drawn)).toEqual({ seed: CI_SEED, why: 'fixed, as CI is set' });
  expect(seedFor({ CI: 'true', FC_SEED: '-218490180' }, drawn).seed).toBe(-218490180);
  expect(seedFor({ CI: 'true', FC_SEED: 'random' }, drawn).seed).toBe(7);
  expect(seedFor({}, drawn).seed).toBe(7);
  expect(seedFor({ CI: 'false' }, drawn).seed).toBe(7);
  expect(() => seedFor({ FC_SEED: 'x' }, drawn)).toThrow('FC_SEED must be an integer');
});
