// `npm run mutate`: StrykerJS over src/ with the unit and property tests. See CONTRIBUTING's
// "Mutation testing" for what it covers, what it cannot reach, and the last score.

import { CI_SEED } from './__tests__/fast-check-seed.js';

// The property tests run with one seed under Stryker, as in CI: a mutant is killed or not by
// the tests, never by the draw (jest's globalSetup reads FC_SEED in each test runner).
process.env.FC_SEED ??= String(CI_SEED);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['src/**/*.ts', '!src/launch/**', '!src/**/without-*.ts'],
  testRunner: 'jest',
  jest: { configFile: 'jest.stryker.config.js', enableFindRelatedTests: false },
  // Jest runs the tests as ES modules, as `npm test` does.
  testRunnerNodeArgs: ['--experimental-vm-modules', '--no-warnings'],
  coverageAnalysis: 'perTest',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.stryker.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // Two cores: Stryker splits the slots between the TypeScript checker and jest, one each with
  // two (with three it made two checkers and still one jest process).
  concurrency: 2,
  // A static mutant changes a value computed when its module loads (a top-level constant, a
  // table of messages): per-test coverage cannot say which tests reach it, so each one runs
  // every test file, about a minute here. 897 of them (10 %) were estimated at 78 % of a full
  // run's time: some 15 hours on this machine, hours on four runners. They are left out
  // (Stryker reports them as ignored); the golden messages file and the unit tests of each
  // table pin those values instead.
  ignoreStatic: true,
  // Only the mutants whose code or tests changed since the last run are run again.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // `break`: a run below it fails (the weekly workflow, .github/workflows/mutation.yml). It is
  // the whole-src/ score a full run reaches, rounded down; CONTRIBUTING gives that score and its
  // date. A scoped run (`--mutate 'src/redact/**'`) is judged by it too: read its score, not
  // its exit code.
  // Until a full run gives the score: the lower end of the 95 % interval of the sampled
  // estimate (44.4 %, 30.9 % to 58.8 %, `npm run mutate:sample`; CONTRIBUTING's "The score"),
  // rounded down.
  thresholds: { high: 80, low: 60, break: 30 },
  // Added to each mutant's time limit, beside the time its tests took in the dry run and the
  // run's overhead: every mutant run loads all the unit test files again (ES modules), which
  // takes 12 to 20 s on a busy two-core machine. With 5 s, load alone timed mutants out, and a
  // timeout counts as detected: src/http/outcome.ts scored 100 % with 5 s, 79 % with 30 s (its
  // six survivors now have a test). A mutant that really hangs is still caught.
  timeoutMS: 30000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
