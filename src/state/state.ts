import { ActionFailure } from '../errors/failure.js';
import { checkRegistryUrl } from '../inputs/registry-url.js';
import type { Core } from '../runner/core.js';

/** What main leaves for post, through the runner's state file. */
export type Handover =
  /** `providerDir`: the credential provider's folder, with the tokens it minted. */
  | { kind: 'revoke'; baseUrl: string; token: string; providerDir?: string }
  | { kind: 'keep'; baseUrl: string; providerDir?: string }
  | { kind: 'none' };

const TOKEN = 'token';
const REGISTRY_URL = 'registryUrl';
const REVOKE = 'revoke';
const PROVIDER_DIR = 'providerDir';

/** The token goes into state only when post will revoke it: no copy is kept that is not needed. */
export function saveHandover(core: Pick<Core, 'saveState'>, handover: Handover): void {
  if (handover.kind === 'none') return;
  core.saveState(REGISTRY_URL, handover.baseUrl);
  core.saveState(REVOKE, String(handover.kind === 'revoke'));
  if (handover.kind === 'revoke') core.saveState(TOKEN, handover.token);
  if (handover.providerDir !== undefined) core.saveState(PROVIDER_DIR, handover.providerDir);
}

/**
 * What main left. The URL a token is to be sent to is checked again by the `url` input's
 * rules (https, no credentials): state is a file on the runner, and a bearer token must
 * never go out in clear.
 */
export function readHandover(core: Pick<Core, 'getState'>): Handover {
  const baseUrl = core.getState(REGISTRY_URL);
  const token = core.getState(TOKEN);
  const dir = core.getState(PROVIDER_DIR);
  const providerDir = dir === '' ? {} : { providerDir: dir };
  if (baseUrl === '') return { kind: 'none' };
  if (core.getState(REVOKE) === 'false') return { kind: 'keep', baseUrl, ...providerDir };
  if (token === '') return { kind: 'none' };
  const checked = checkRegistryUrl(baseUrl);
  if (!checked.ok) {
    throw new ActionFailure({
      kind: 'invalid-state',
      name: 'registry URL',
      where: 'the step state',
      // Whole: the message redacts it before it cuts it (a cut here could keep a password's start).
      value: baseUrl,
      problem: checked.problem,
    });
  }
  return { kind: 'revoke', baseUrl: checked.baseUrl, token, ...providerDir };
}
