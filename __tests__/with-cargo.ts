import { cargoVersion } from '../rig/cargo.js';

/** Put in the name of a test that cannot run here; the skip reporter lists such tests. */
export const SKIPPED = '[skipped:';

type Body = () => Promise<void>;

/**
 * `test` for a test that runs a real cargo. Where cargo is missing the test is still listed:
 * skipped, with the reason in its name, so that jest's list and the summary say it did not
 * run and why. In CI (CI=true) a missing cargo is a failing test instead, never a skip.
 */
export function withCargo(what: string): (name: string, body: Body, timeout?: number) => void {
  if (cargoVersion() !== undefined)
    return (name, body, timeout) => {
      test(name, body, timeout);
    };
  if (process.env.CI === 'true') {
    return (name) => {
      test(name, () => {
        throw new Error(
          `cargo is required in CI (CI=true) for ${what}, and it is not installed here: install it (rustup), since in CI a missing cargo fails the test instead of skipping it.`,
        );
      });
    };
  }
  return (name, body, timeout) => {
    test.skip(`${name} ${SKIPPED} cargo is not installed]`, body, timeout);
  };
}
