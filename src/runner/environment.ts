import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OidcAccess } from '../id-token/request-id-token.js';
import { isLoopbackHost } from '../inputs/registry-url.js';

/**
 * The OIDC variables as the runner left them: absent (no `id-token: write`), unusable (a
 * value that does not parse or could not go in a header: nothing is sent then), or ready.
 */
export type OidcSetting =
  | { kind: 'absent' }
  | {
      kind: 'invalid';
      variable: 'ACTIONS_ID_TOKEN_REQUEST_URL' | 'ACTIONS_ID_TOKEN_REQUEST_TOKEN';
      problem: string;
    }
  | { kind: 'ready'; access: OidcAccess };

/** What triggered the run, as far as the action cares. */
export interface RunEvent {
  name: string;
  /** A pull request from a fork: GitHub gives such runs no ID token, whatever the permissions. */
  fromFork: boolean;
}

/** What the action reads from the runner's environment, besides inputs and state. */
export interface RunnerEnvironment {
  oidc: OidcSetting;
  event: RunEvent;
  /**
   * Multiplies every timeout and backoff delay, and the token life the provider assumes. Only
   * the test rig should set it (to turn a 30 s timeout into a fraction of a second); it can
   * shorten waits, never lengthen them, never below MIN_TIME_SCALE, and the timings keep
   * floors of their own (http/policies.ts).
   */
  timeScale: number;
  /** What AUTH_ACTION_TIME_SCALE asked for, if more than timeScale allows: for the log line. */
  timeScaleAsked?: number;
  /** The job's temporary folder (RUNNER_TEMP), where the credential provider lives. */
  runnerTemp: string | undefined;
  /** GITHUB_WORKSPACE: where a relative `workspace` input starts. */
  githubWorkspace: string | undefined;
  /** What cargo itself reads to find a registry's index, for the check of a workspace. */
  cargo: CargoEnvironment;
  /**
   * Where the action's docs are, at the version that runs (`https://github.com/OWNER/REPO/blob/REF/docs/`),
   * for the step summary's links; undefined when the runner does not say (a `run:` step, a
   * local action) or says something that is not a repository and a ref.
   */
  docs?: string;
}

/** cargo's own settings in the environment, as far as choosing the index of a release goes. */
export interface CargoEnvironment {
  /**
   * CARGO_HOME as set (a relative one is resolved against cargo's working directory), else
   * cargo's default, `.cargo` in the user's home; undefined when neither is known.
   */
  home: string | undefined;
  /**
   * The variables that set the index or send `cargo publish` elsewhere, by their exact names
   * (cargo ignores a name in another case): CARGO_REGISTRIES_<NAME>_INDEX and the few in
   * CARGO_SETTINGS. An empty value counts: cargo reads it as set. No token is kept.
   */
  variables: Record<string, string>;
}

/** `[source.crates-io] replace-with`: cargo keeps a `[source]` name's case and `-` here. */
export const REPLACE_WITH_VARIABLE = 'CARGO_SOURCE_crates-io_REPLACE_WITH';

/** The settings besides CARGO_REGISTRIES_<NAME>_INDEX that change where `cargo publish` goes. */
export const CARGO_SETTINGS = [
  'CARGO_REGISTRY_DEFAULT',
  'CARGO_REGISTRY_INDEX',
  'CARGO_REGISTRIES_CRATES_IO_PROTOCOL',
  REPLACE_WITH_VARIABLE,
];

const REGISTRY_INDEX_VARIABLE = /^CARGO_REGISTRIES_.+_INDEX$/;

function readCargoEnvironment(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): CargoEnvironment {
  const variables: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (REGISTRY_INDEX_VARIABLE.test(name) || CARGO_SETTINGS.includes(name)) {
      variables[name] = value;
    }
  }
  // cargo's default (the `home` crate): `.cargo` in the user's home, USERPROFILE on Windows.
  const user = platform === 'win32' ? env.USERPROFILE : env.HOME;
  const home = env.CARGO_HOME || (user ? join(user, '.cargo') : undefined);
  return { home, variables };
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

const MAX_REQUEST_URL = 4096;
const MAX_REQUEST_TOKEN = 16384;

/** Why the token service's URL cannot be used, if it cannot: never the value itself. */
function requestUrlProblem(value: string): string | undefined {
  if (value.length > MAX_REQUEST_URL) return `is longer than ${MAX_REQUEST_URL} characters`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL (it does not parse)';
  }
  const secure =
    url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  // The request token goes with it as a bearer: never in clear over a network.
  if (!secure) return 'is not an https URL';
  if (url.port === '0') return 'has port 0, where nothing listens';
  return undefined;
}

/** The request token goes into an Authorization header as is: visible ASCII only. */
function requestTokenProblem(value: string): string | undefined {
  if (value.length > MAX_REQUEST_TOKEN) return `is longer than ${MAX_REQUEST_TOKEN} characters`;
  if (!/^[\x21-\x7e]+$/.test(value)) {
    return 'contains a space, a line break or another character that cannot go in an HTTP header';
  }
  return undefined;
}

function readOidc(env: NodeJS.ProcessEnv): OidcSetting {
  const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '';
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '';
  if (requestUrl === '' || requestToken === '') return { kind: 'absent' };
  const urlProblem = requestUrlProblem(requestUrl);
  if (urlProblem !== undefined) {
    return { kind: 'invalid', variable: 'ACTIONS_ID_TOKEN_REQUEST_URL', problem: urlProblem };
  }
  const tokenProblem = requestTokenProblem(requestToken);
  if (tokenProblem !== undefined) {
    return { kind: 'invalid', variable: 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', problem: tokenProblem };
  }
  return { kind: 'ready', access: { requestUrl, requestToken } };
}

/**
 * The least time scale: what the demo's long release uses (tokens of 9 s, handed out for 6 s;
 * the long-release tests use 0.01). Below it the provider would mint a token for nearly every
 * cargo request.
 */
export const MIN_TIME_SCALE = 0.005;

/**
 * The action's docs folder at the version the runner runs, from GITHUB_SERVER_URL,
 * GITHUB_ACTION_REPOSITORY and GITHUB_ACTION_REF (set for a step that runs an action). They
 * end up in a link in the step summary, so each must look like what GitHub sets.
 */
function actionDocs(env: NodeJS.ProcessEnv): string | undefined {
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  const repository = env.GITHUB_ACTION_REPOSITORY ?? '';
  const ref = env.GITHUB_ACTION_REF ?? '';
  if (!/^https:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(server)) return undefined;
  if (!/^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/.test(repository)) return undefined;
  if (!/^[A-Za-z0-9_./-]{1,255}$/.test(ref) || ref.split('/').some((part) => /^\.*$/.test(part))) {
    return undefined;
  }
  return `${server}/${repository}/blob/${ref}/docs/`;
}

export function readEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): RunnerEnvironment {
  const oidc = readOidc(env);
  const docs = actionDocs(env);
  const scale = Number(env.AUTH_ACTION_TIME_SCALE ?? '1');
  const valid = Number.isFinite(scale) && scale > 0 && scale <= 1;
  return {
    oidc,
    // The event file is read only when it can explain a missing ID token.
    event: {
      name: env.GITHUB_EVENT_NAME ?? '',
      fromFork: oidc.kind === 'absent' && isForkPullRequest(env.GITHUB_EVENT_PATH),
    },
    timeScale: valid ? Math.max(scale, MIN_TIME_SCALE) : 1,
    ...(valid && scale < MIN_TIME_SCALE ? { timeScaleAsked: scale } : {}),
    runnerTemp: env.RUNNER_TEMP,
    githubWorkspace: env.GITHUB_WORKSPACE,
    cargo: readCargoEnvironment(env, platform),
    ...(docs === undefined ? {} : { docs }),
  };
}
