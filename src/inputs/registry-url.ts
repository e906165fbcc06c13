import { ActionFailure } from '../errors/failure.js';

export const DEFAULT_REGISTRY_URL = 'https://crates.io';

/** A validated registry: where its API lives, and the audience its ID token must carry. */
export interface Registry {
  /** Scheme, host, optional port and path prefix; no trailing slash. */
  baseUrl: string;
  audience: string;
  /** The audience was set by the `audience` input, not derived from `url`. */
  audienceFromInput: boolean;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

function refuse(value: string, problem: string): never {
  throw new ActionFailure({ kind: 'invalid-input', input: 'url', value, problem });
}

/** Loopback is the only place plain http cannot expose the JWT to the network. */
export function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  const octets = hostname.split('.');
  return (
    octets.length === 4 &&
    octets[0] === '127' &&
    octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255)
  );
}

/** Parses the `url` input; an empty value means crates.io, as in the reference action. */
export function parseRegistryUrl(raw: string): string {
  const value = raw === '' ? DEFAULT_REGISTRY_URL : raw;
  if (!SCHEME.test(value)) {
    const suggestion = /\s/.test(value) ? '' : ` Did you mean \`https://${value}\`?`;
    refuse(value, `it must be an absolute URL starting with \`https://\`.${suggestion}`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    refuse(value, 'it is not a valid URL.');
  }
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) {
      refuse(
        value,
        'plain `http://` would send the GitHub ID token over the network unencrypted; ' +
          'use `https://` (plain `http://` is accepted only for localhost and 127.0.0.0/8 or [::1]).',
      );
    }
  } else if (url.protocol !== 'https:') {
    refuse(value, `the scheme \`${url.protocol}\` is not supported; use \`https://\`.`);
  }
  // Refusals below show the URL without the parts that may hold a secret.
  const shown = `${url.protocol}//${url.host}${url.pathname}`;
  if (url.username !== '' || url.password !== '') {
    refuse(
      shown.replace('//', '//***@'),
      'it must not contain credentials; the action authenticates with the ID token.',
    );
  }
  if (url.search !== '' || url.hash !== '' || /[?#]/.test(value)) {
    refuse(`${shown}?…`, 'it must not contain a query (`?...`) or a fragment (`#...`).');
  }
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * The registry's audience by default: its host, with the port only when it is not the
 * scheme's default (`URL.host` already drops a default port).
 */
export function defaultAudience(baseUrl: string): string {
  return new URL(baseUrl).host;
}

export function parseAudience(raw: string, baseUrl: string): string {
  if (raw === '') return defaultAudience(baseUrl);
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(raw)) {
    throw new ActionFailure({
      kind: 'invalid-input',
      input: 'audience',
      value: raw,
      problem: 'it must not contain spaces or control characters.',
    });
  }
  return raw;
}

export function tokensEndpoint(baseUrl: string): string {
  return `${baseUrl}/api/v1/trusted_publishing/tokens`;
}
