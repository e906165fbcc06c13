import { readFileSync } from 'node:fs';
import type { OidcAccess } from '../id-token/request-id-token.js';

/** What triggered the run, as far as the action cares. */
export interface RunEvent {
  name: string;
  /** A pull request from a fork: GitHub gives such runs no ID token, whatever the permissions. */
  fromFork: boolean;
}

/** What the action reads from the runner's environment, besides inputs and state. */
export interface RunnerEnvironment {
  oidc: OidcAccess | undefined;
  event: RunEvent;
  /**
   * Multiplies every timeout and backoff delay. Only the test rig sets it (to turn a 30 s
   * timeout into a fraction of a second); it can shorten waits, never lengthen them.
   */
  timeScale: number;
}

function isForkPullRequest(eventPath: string | undefined): boolean {
  if (eventPath === undefined || eventPath === '') return false;
  try {
    const event = JSON.parse(readFileSync(eventPath, 'utf8')) as {
      pull_request?: { head?: { repo?: { fork?: unknown } | null } };
    };
    return event.pull_request?.head?.repo?.fork === true;
  } catch {
    return false;
  }
}

export function readEnvironment(env: NodeJS.ProcessEnv = process.env): RunnerEnvironment {
  const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '';
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '';
  const oidc = requestUrl !== '' && requestToken !== '' ? { requestUrl, requestToken } : undefined;
  const scale = Number(env.AUTH_ACTION_TIME_SCALE ?? '1');
  return {
    oidc,
    // The event file is read only when it can explain a missing ID token.
    event: {
      name: env.GITHUB_EVENT_NAME ?? '',
      fromFork: oidc === undefined && isForkPullRequest(env.GITHUB_EVENT_PATH),
    },
    timeScale: Number.isFinite(scale) && scale > 0 && scale <= 1 ? scale : 1,
  };
}
