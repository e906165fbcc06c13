// The one way a test here does not run: said out loud, with the reason, in the test output.
// Two kinds. A test that does not apply to a system (POSIX file modes on Windows) is skipped
// there, in CI too. A test that needs a tool the machine lacks (cargo, openssl) is skipped on a
// developer's machine, and fails in CI (CI=true), where GitHub's images have the tool.

/** `test`, or `test.skip` on the platforms named, saying why the test does not apply there. */
export function testExceptOn(
  platforms: NodeJS.Platform[],
  reason: string,
  platform: NodeJS.Platform = process.platform,
): typeof test {
  if (!platforms.includes(platform)) return test;
  console.warn(`SKIPPED on ${platform}: ${reason}`);
  return test.skip;
}

/** `test`, or (outside CI) `test.skip` saying which tool is missing and what does not run. */
export function testWithTool(
  tool: string,
  present: boolean,
  what: string,
  ci: boolean = process.env.CI === 'true',
): typeof test {
  if (present) return test;
  if (ci) throw new Error(`${tool} is required in CI (CI=true): ${what} must run there`);
  console.warn(`SKIPPED (${tool} is not installed): ${what}.`);
  return test.skip;
}
