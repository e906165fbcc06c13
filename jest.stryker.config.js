// Jest as `npm run mutate` (Stryker) runs it: the unit and property tests only. The end-to-end
// tests run the bundle in dist/, which a mutant in src/ never reaches (see CONTRIBUTING's
// "Mutation testing").
import base from './jest.config.js';

/** @type {import('jest').Config} */
export default {
  ...base,
  testMatch: ['<rootDir>/__tests__/unit/**/*.test.ts'],
  // Tests of scripts/ and rig/ cover no line of src/: they would only slow the dry run.
  testPathIgnorePatterns: [
    '/node_modules/',
    '/__tests__/unit/(dependabot|fast-check-seed|licenses|mutation-sample|mutation-survivors|node24|prelude|rig-self-test)\\.test\\.ts$',
  ],
};
