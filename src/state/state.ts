import { ActionFailure } from '../errors/failure.js';
import { checkRegistryUrl } from '../inputs/registry-url.js';
import type { Core } from '../runner/core.js';
import { isCrateAtVersion } from '../inputs/cargo-names.js';

/**
 * The credential provider's folder, with the tokens it minted: its path, and its identity
 * when main made it (folderIdentity), which post checks before it reads anything there.
 */
export interface ProviderFolder {
  path: string;
  identity: string;
}

/** What main leaves for post, through the runner's state file. */
export type Handover =
  | { kind: 'revoke'; baseUrl: string; token: string; providerDir?: ProviderFolder }
  | { kind: 'keep'; baseUrl: string; providerDir?: ProviderFolder }
  | { kind: 'none' };

const TOKEN = 'token';
const REGISTRY_URL = 'registryUrl';
const REVOKE = 'revoke';
const PROVIDER_DIR = 'providerDir';
const PROVIDER_DIR_IDENTITY = 'providerDirIdentity';

/** The token goes into state only when post will revoke it: no copy is kept that is not needed. */
export function saveHandover(core: Pick<Core, 'saveState'>, handover: Handover): void {
  if (handover.kind === 'none') return;
  core.saveState(REGISTRY_URL, handover.baseUrl);
  core.saveState(REVOKE, String(handover.kind === 'revoke'));
  if (handover.kind === 'revoke') core.saveState(TOKEN, handover.token);
  if (handover.providerDir !== undefined) {
    core.saveState(PROVIDER_DIR, handover.providerDir.path);
    core.saveState(PROVIDER_DIR_IDENTITY, handover.providerDir.identity);
  }
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
  // State is written by main alone, before any later step runs: the identity is main's.
  const identity = core.getState(PROVIDER_DIR_IDENTITY);
  const providerDir = dir === '' ? {} : { providerDir: { path: dir, identity } };
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

/** What the check of a workspace found, for post's release report. */
export interface PreflightHandover {
  /** The sparse index it read ('' when none was read). */
  index: string;
  /** The crates it found to publish, as `name@version`. */
  unpublished: string[];
}

const PREFLIGHT = 'preflight';
const MAX_PREFLIGHT_CRATES = 1000;

export function savePreflight(core: Pick<Core, 'saveState'>, preflight: PreflightHandover): void {
  core.saveState(
    PREFLIGHT,
    JSON.stringify({
      index: preflight.index,
      unpublished: preflight.unpublished.slice(0, MAX_PREFLIGHT_CRATES),
    }),
  );
}

/**
 * What main's check of a workspace left, read as a file a later step may have changed: an
 * index that is not an http(s) URL is dropped, and so is every entry that is not `name@version`.
 * Undefined when there is none.
 */
export function readPreflight(core: Pick<Core, 'getState'>): PreflightHandover | undefined {
  const text = core.getState(PREFLIGHT);
  if (text === '' || text.length > 256 * 1024) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  const { index, unpublished } = json as { index?: unknown; unpublished?: unknown };
  const url = typeof index === 'string' && /^https?:\/\/[^\s@?#]+\/$/.test(index) ? index : '';
  const crates = Array.isArray(unpublished)
    ? unpublished
        .filter((entry): entry is string => typeof entry === 'string' && isCrateAtVersion(entry))
        .slice(0, MAX_PREFLIGHT_CRATES)
    : [];
  return { index: url, unpublished: crates };
}
