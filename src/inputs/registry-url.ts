import { ActionFailure } from '../errors/failure.js';

export const DEFAULT_REGISTRY_URL = 'https://crates.io';

/** A URL longer than this is refused unread: no registry needs more. */
export const MAX_URL_LENGTH = 2048;
/** DNS limits: a host name and each of its labels. */
const MAX_HOST_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;

/** A validated registry: where its API lives, and the audience its ID token must carry. */
export interface Registry {
  /** Scheme, host, optional port and path prefix; no trailing slash. */
  baseUrl: string;
  audience: string;
  /** The audience was set by the `audience` input, not derived from `url`. */
  audienceFromInput: boolean;
}

/** A registry URL, or why it cannot be one; `tooLong` when it is too long to echo. */
export type UrlCheck =
  { ok: true; baseUrl: string } | { ok: false; problem: string; tooLong?: boolean };

// Both cases spelled out, not /i: an /i class makes V8 fold cases through ICU the first time it
// runs: about 1.4 million instructions, half a per cent of each step (npm run bench:instructions).
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
/** The authority of something that starts like a URL: scheme, `//`, up to `/`, `?` or `#`. */
const AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i;

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

/** A suggestion is shown whole, so only for a value this short. */
const MAX_SUGGESTED = 200;

/**
 * `https://<value>` is suggested only for what reads as a host name, perhaps with a port and a
 * path: not for `javascript:...`, `mailto:...` or words with spaces, and only when it can be
 * shown as it is (short, visible characters only, no backtick).
 */
function suggestion(value: string): string {
  if (value.length > MAX_SUGGESTED || !/^[\x21-\x5f\x61-\x7e]+$/.test(value)) return '';
  const authority = value.split(/[/?#]/, 1)[0] ?? '';
  if (!/^[a-z0-9.-]+(:\d{1,5})?$/i.test(authority)) return '';
  const host = authority.split(':')[0] ?? '';
  if (!host.includes('.') && host.toLowerCase() !== 'localhost') return '';
  return checkRegistryUrl(`https://${value}`).ok ? ` Did you mean \`https://${value}\`?` : '';
}

/** Why `new URL` refused a value that starts like a URL, in the words a user can act on. */
function unparsable(value: string): string {
  const authority = AUTHORITY.exec(value)?.[1] ?? '';
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const port = /:(\d+)$/.exec(hostPort)?.[1];
  if (port !== undefined && Number(port) > 65535) {
    return `its port ${port.length > 10 ? `${port.slice(0, 10)}…` : port} is out of range (1 to 65535).`;
  }
  if (/\s/.test(authority)) return 'its host name contains a space.';
  if (hostPort === '' || hostPort.startsWith(':')) return 'it has no host name.';
  return 'it is not a valid URL.';
}

/** The host name's DNS limits, for a host that is a name and not an address. */
function hostProblem(hostname: string): string | undefined {
  if (hostname.length > MAX_HOST_LENGTH) {
    return `its host name is longer than ${MAX_HOST_LENGTH} characters, the most DNS allows.`;
  }
  if (hostname.split('.').some((label) => label.length > MAX_LABEL_LENGTH)) {
    return `a part of its host name is longer than ${MAX_LABEL_LENGTH} characters, the most DNS allows.`;
  }
  return undefined;
}

/**
 * Checks a registry URL by the rules every use shares: the `url` input, and the URL the post
 * step reads back from state before it sends a token there.
 */
export function checkRegistryUrl(value: string): UrlCheck {
  if (value.length > MAX_URL_LENGTH) {
    return {
      ok: false,
      tooLong: true,
      problem: `a URL may be at most ${MAX_URL_LENGTH} characters.`,
    };
  }
  if (!SCHEME.test(value)) {
    const hint = /^[a-z][a-z0-9+.-]*:/i.test(value) ? '' : suggestion(value);
    return { ok: false, problem: `it must be an absolute URL starting with \`https://\`.${hint}` };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, problem: unparsable(value) };
  }
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) {
      return {
        ok: false,
        problem:
          'plain `http://` would send the ID token and the publish token over the network unencrypted; ' +
          'use `https://` (plain `http://` is accepted only for localhost and 127.0.0.0/8 or [::1]).',
      };
    }
  } else if (url.protocol !== 'https:') {
    return {
      ok: false,
      problem: `the scheme \`${url.protocol}\` is not supported; use \`https://\`.`,
    };
  }
  // The parser takes port 0, which no server listens on: every try would fail to connect.
  if (url.port === '0') return { ok: false, problem: 'its port 0 is out of range (1 to 65535).' };
  const badHost = hostProblem(url.hostname);
  if (badHost !== undefined) return { ok: false, problem: badHost };
  if (url.username !== '' || url.password !== '') {
    return {
      ok: false,
      problem: 'it must not contain credentials; the action authenticates with the ID token.',
    };
  }
  if (url.search !== '' || url.hash !== '' || /[?#]/.test(value)) {
    return {
      ok: false,
      problem: 'it must not contain a query (`?…`) or a fragment (`#…`).',
    };
  }
  return { ok: true, baseUrl: `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}` };
}

/** Parses the `url` input; an empty value means crates.io, as in the reference action. */
export function parseRegistryUrl(raw: string): string {
  const value = raw === '' ? DEFAULT_REGISTRY_URL : raw;
  const checked = checkRegistryUrl(value);
  if (checked.ok) return checked.baseUrl;
  // The value goes out as it came: the message redacts it, parsed or not.
  throw new ActionFailure({
    kind: 'invalid-input',
    input: 'url',
    value,
    problem: checked.problem,
    ...(checked.tooLong ? { tooLong: true } : {}),
  });
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
  if (/[\s\u0000-\u001f\u007f-\u009f]/.test(raw)) {
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
