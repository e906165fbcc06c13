import type { Core } from '../runner/core.js';

/** What main leaves for post, through the runner's state file. */
export type Handover =
  | { kind: 'revoke'; baseUrl: string; token: string }
  | { kind: 'keep'; baseUrl: string }
  | { kind: 'none' };

const TOKEN = 'token';
const REGISTRY_URL = 'registryUrl';
const REVOKE = 'revoke';

/** The token goes into state only when post will revoke it: no copy is kept that is not needed. */
export function saveHandover(core: Pick<Core, 'saveState'>, handover: Handover): void {
  if (handover.kind === 'none') return;
  core.saveState(REGISTRY_URL, handover.baseUrl);
  core.saveState(REVOKE, String(handover.kind === 'revoke'));
  if (handover.kind === 'revoke') core.saveState(TOKEN, handover.token);
}

export function readHandover(core: Pick<Core, 'getState'>): Handover {
  const baseUrl = core.getState(REGISTRY_URL);
  const token = core.getState(TOKEN);
  if (baseUrl === '') return { kind: 'none' };
  if (core.getState(REVOKE) === 'false') return { kind: 'keep', baseUrl };
  return token === '' ? { kind: 'none' } : { kind: 'revoke', baseUrl, token };
}
