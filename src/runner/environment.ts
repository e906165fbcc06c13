import type { OidcAccess } from '../id-token/request-id-token.js';

/** What the action reads from the runner's environment, besides inputs and state. */
export interface RunnerEnvironment {
  oidc: OidcAccess | undefined;
  /**
   * Multiplies every timeout and backoff delay. Only the test rig sets it (to turn a 30 s
   * timeout into a fraction of a second); it can shorten waits, never lengthen them.
   */
  timeScale: number;
}

export function readEnvironment(env: NodeJS.ProcessEnv = process.env): RunnerEnvironment {
  const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '';
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '';
  const scale = Number(env.AUTH_ACTION_TIME_SCALE ?? '1');
  return {
    oidc: requestUrl !== '' && requestToken !== '' ? { requestUrl, requestToken } : undefined,
    timeScale: Number.isFinite(scale) && scale > 0 && scale <= 1 ? scale : 1,
  };
}
