/**
 * Stands in for `@actions/exec` in the bundle (tsconfig `paths`). @actions/core imports it only
 * for `platform.getDetails()`, which runs `uname`/`sw_vers` to describe the runner; this action
 * never calls it. The real module and @actions/io behind it cost start-up time in every run.
 */
export function getExecOutput(): never {
  throw new Error('auth-action does not bundle @actions/exec: core.platform is not supported.');
}
