/**
 * crates.io's answers to the token exchange and the revocation, read into typed values: the
 * one place that knows their words (crates.io `src/controllers/trustpub/tokens/`, as of August
 * 2026, and the generic answer of its code before July 2025). What they become for the user is
 * decided in `errors/describe.ts`; which claims they point at, in `diagnose/explain-refusal.ts`.
 *
 * The values read out of an answer (names, IDs, lists) are the registry's words, not checked:
 * they are shown only through the one flattening rule.
 */
export type Refusal =
  /** `Failed to decode JWT`: unreadable, bad signature, wrong audience, expired, ... */
  | { kind: 'undecodable' }
  /** `Unsupported JWT issuer: <iss>` (before July 2025 without the issuer). */
  | { kind: 'unsupported-issuer'; issuer: string | undefined }
  /** `Missing JWT key ID`: the ID token's header names no signing key. */
  | { kind: 'missing-key-id' }
  /** `Invalid JWT key ID`: a key the registry does not have, even after fetching the key set. */
  | { kind: 'unknown-key-id' }
  /** 500 `Failed to load OIDC key set`: the registry could not fetch the issuer's keys. */
  | { kind: 'key-set-unavailable' }
  /** `JWT has already been used`: this ID token was exchanged before. */
  | { kind: 'replayed' }
  /** `pull_request_target` and `workflow_run` are refused. */
  | { kind: 'refused-trigger'; event: string }
  /** `Unexpected `repository` value` and its siblings: a claim of a shape crates.io cannot read. */
  | { kind: 'unexpected-claim'; claim: string }
  | { kind: 'no-config'; repository: string }
  | { kind: 'owner-id-mismatch'; repository: string; ownerId: string; expected: string[] }
  | { kind: 'workflow-mismatch'; repository: string; workflow: string; expected: string[] }
  | { kind: 'environment-required'; repository: string; expected: string[] }
  | {
      kind: 'environment-mismatch';
      repository: string;
      environment: string;
      expected: string[];
    }
  /** crates.io before July 2025: `No matching Trusted Publishing config found`, for any mismatch. */
  | { kind: 'no-matching-config' }
  /** Revocation: `Missing `Authorization` header`. */
  | { kind: 'missing-authorization' }
  /** Revocation: `Invalid `Authorization` header: ...`; `problem` is what follows the colon. */
  | { kind: 'invalid-authorization'; problem: string };

export type RefusalKind = Refusal['kind'];

/** `a`, `b` (crates.io joins with ", " and quotes workflow files and environments). */
function listOf(text: string): string[] {
  return text
    .split(', ')
    .map((item) => item.trim().replace(/^`(.*)`$/s, '$1'))
    .filter((item) => item !== '');
}

const CONFIG = /^The Trusted Publishing config for repository `(.*?)` /s;

type Reader = [RegExp, (m: RegExpExecArray) => Refusal];

const str = (value: string | undefined): string => value ?? '';

/** Each answer's pattern, anchored as crates.io words it; first match wins. */
const READERS: Reader[] = [
  [/^Failed to decode JWT$/, () => ({ kind: 'undecodable' })],
  [/^Unsupported JWT issuer(?:: (.*))?$/s, (m) => ({ kind: 'unsupported-issuer', issuer: m[1] })],
  [/^Missing JWT key ID$/, () => ({ kind: 'missing-key-id' })],
  [/^Invalid JWT key ID$/, () => ({ kind: 'unknown-key-id' })],
  [/^Failed to load OIDC key set$/, () => ({ kind: 'key-set-unavailable' })],
  [/^JWT has already been used$/, () => ({ kind: 'replayed' })],
  [
    /^Trusted Publishing does not support the `(.*?)` event trigger due to security concerns\./s,
    (m) => ({ kind: 'refused-trigger', event: str(m[1]) }),
  ],
  [/^Unexpected `(.*?)` value$/s, (m) => ({ kind: 'unexpected-claim', claim: str(m[1]) })],
  [
    /^No Trusted Publishing config found for repository `(.*)`\.$/s,
    (m) => ({ kind: 'no-config', repository: str(m[1]) }),
  ],
  [
    new RegExp(
      `${CONFIG.source}does not match the repository owner ID \\((.*?)\\) in the JWT\\. Expected owner IDs: (.*?)\\. Please recreate`,
      's',
    ),
    (m) => ({
      kind: 'owner-id-mismatch',
      repository: str(m[1]),
      ownerId: str(m[2]),
      expected: listOf(str(m[3])),
    }),
  ],
  [
    new RegExp(
      `${CONFIG.source}does not match the workflow filename \`(.*?)\` in the JWT\\. Expected workflow filenames: (.*)$`,
      's',
    ),
    (m) => ({
      kind: 'workflow-mismatch',
      repository: str(m[1]),
      workflow: str(m[2]),
      expected: listOf(str(m[3])),
    }),
  ],
  [
    new RegExp(
      `${CONFIG.source}requires an environment, but the JWT does not specify one\\. Expected environments: (.*)$`,
      's',
    ),
    (m) => ({ kind: 'environment-required', repository: str(m[1]), expected: listOf(str(m[2])) }),
  ],
  [
    new RegExp(
      `${CONFIG.source}does not match the environment \`(.*?)\` in the JWT\\. Expected environments: (.*)$`,
      's',
    ),
    (m) => ({
      kind: 'environment-mismatch',
      repository: str(m[1]),
      environment: str(m[2]),
      expected: listOf(str(m[3])),
    }),
  ],
  [/^No matching Trusted Publishing config found$/, () => ({ kind: 'no-matching-config' })],
  [/^Missing `Authorization` header$/, () => ({ kind: 'missing-authorization' })],
  [
    /^Invalid `Authorization` header: (.*)$/s,
    (m) => ({ kind: 'invalid-authorization', problem: str(m[1]) }),
  ],
];

/** One of crates.io's answers, read; undefined for words it does not say. */
export function readRefusalDetail(detail: string): Refusal | undefined {
  for (const [pattern, read] of READERS) {
    const match = pattern.exec(detail.trim());
    if (match) return read(match);
  }
  return undefined;
}

/** The first of the registry's details that is one of crates.io's known answers. */
export function readRefusal(details: readonly string[]): Refusal | undefined {
  for (const detail of details) {
    const refusal = readRefusalDetail(detail);
    if (refusal !== undefined) return refusal;
  }
  return undefined;
}
