// The one way a test here does not run: said out loud, with the reason, in the test output.
// Two kinds. A test that does not apply to a system (POSIX file modes on Windows) is skipped
// there, in CI too. A test that needs a tool the machine lacks (cargo, openssl) is skipped on a
// developer's machine, and fails in CI (CI=true), where GitHub's images have the tool.
// A skipped test keeps its place in jest's list with the reason in its name, and
// skip-reporter.js lists every such test again beside jest's summary.

/** Marks the reason in a skipped test's name; skip-reporter.js looks for it. */
export const SKIPPED = '[skipped:';

/** How a test is declared here: jest's `test`, or one that is skipped saying why. */
export type TestFn = (name: string, fn: jest.ProvidesCallback, timeout?: number) => void;

/** A `test` that registers the test as skipped, the reason in its name. */
export function skipSaying(reason: string): TestFn & { reason: string } {
  return Object.assign(
    (name: string, fn: jest.ProvidesCallback, timeout?: number) => {
      test.skip(`${name} ${SKIPPED} ${reason}]`, fn, timeout);
    },
    { reason },
  );
}

/** `test`, or a skip on the platforms named, saying why the test does not apply there. */
export function testExceptOn(
  platforms: NodeJS.Platform[],
  reason: string,
  platform: NodeJS.Platform = process.platform,
): TestFn {
  if (!platforms.includes(platform)) return test;
  return skipSaying(`not on ${platform}: ${reason}`);
}

/** `test`, or (outside CI) a skip saying which tool is missing and what does not run. */
export function testWithTool(
  tool: string,
  present: boolean,
  what: string,
  ci: boolean = process.env.CI === 'true',
): TestFn {
  if (present) return test;
  if (ci) throw new Error(`${tool} is required in CI (CI=true): ${what} must run there`);
  return skipSaying(`${tool} is not installed, so ${what} did not run`);
}
