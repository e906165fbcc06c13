/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  // `npm run mutate` copies the project there while it runs.
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
  // The end-to-end tests start servers and processes; two cores, two workers.
  maxWorkers: 2,
  testTimeout: 60000,
  // One fast-check seed for the run: fixed in CI, printed otherwise (see fast-check-seed.js).
  globalSetup: '<rootDir>/__tests__/fast-check-seed.js',
  setupFilesAfterEnv: ['<rootDir>/__tests__/fast-check-setup.ts'],
  // After the summary: each test skipped on purpose, and why (see __tests__/skip.ts).
  reporters: ['default', '<rootDir>/__tests__/skip-reporter.js'],
};
