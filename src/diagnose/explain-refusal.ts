import { defaultAudience, DEFAULT_REGISTRY_URL } from '../inputs/registry-url.js';
import { readRefusalDetail, type Refusal, type RefusalKind } from '../exchange/refusal.js';
import { GITHUB_ISSUER, type RunClaims } from './claims.js';

export type RowKey =
  | 'repository'
  | 'owner-id'
  | 'workflow'
  | 'reusable'
  | 'environment'
  | 'event'
  | 'ref'
  | 'issuer'
  | 'audience'
  | 'lifetime';

/** One thing the registry compared: its name, this run's value, what to check in the config. */
export interface Row {
  key: RowKey;
  compared: string;
  value: string;
  check: string;
  /** The registry's refusal points at this row. */
  flagged: boolean;
}

export interface Cause {
  text: string;
  likely: boolean;
  /** The row that shows the claim behind this cause. */
  row: RowKey;
}

export interface Diagnosis {
  rows: Row[];
  /** For crates.io's catch-all `Failed to decode JWT`: what it may hide, and what is likely. */
  hiddenCauses: Cause[];
  notes: string[];
}

export interface RefusalContext {
  baseUrl: string;
  /** The audience was set by the `audience` input, not derived from `url`. */
  audienceFromInput: boolean;
  nowSeconds: number;
}

/** Which rows each of crates.io's refusals is about. */
const FLAGS: Partial<Record<RefusalKind, RowKey[]>> = {
  'unsupported-issuer': ['issuer'],
  'refused-trigger': ['event'],
  'no-config': ['repository'],
  'owner-id-mismatch': ['owner-id'],
  'workflow-mismatch': ['workflow'],
  'environment-required': ['environment'],
  'environment-mismatch': ['environment'],
  // crates.io before July 2025 said only this, for any mismatch.
  'no-matching-config': ['repository', 'owner-id', 'workflow', 'environment'],
};

/** `Unexpected `<claim>` value`: the row of that claim. */
const CLAIM_ROWS: Record<string, RowKey> = {
  repository: 'repository',
  workflow_ref: 'workflow',
  repository_owner_id: 'owner-id',
};

function flagsOf(refusal: Refusal | undefined): RowKey[] {
  if (refusal === undefined) return [];
  if (refusal.kind === 'unexpected-claim') {
    const row = CLAIM_ROWS[refusal.claim];
    return row === undefined ? [] : [row];
  }
  return FLAGS[refusal.kind] ?? [];
}

const LEEWAY_SECONDS = 60;

function duration(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

function lifetime(claims: RunClaims, now: number): string {
  if (claims.expiresAt === undefined) return 'no `exp` claim';
  const left = claims.expiresAt - now;
  return left >= 0 ? `expires in ${duration(left)}` : `expired ${duration(left)} ago`;
}

/** The audience the registry at `baseUrl` most likely expects: its domain. */
function expectedAudience(baseUrl: string): string {
  return baseUrl === DEFAULT_REGISTRY_URL ? 'crates.io' : defaultAudience(baseUrl);
}

function rowsFor(claims: RunClaims, context: RefusalContext): Omit<Row, 'flagged'>[] {
  const none = (what: string) => `(${what})`;
  const rows: Omit<Row, 'flagged'>[] = [
    {
      key: 'repository',
      compared: 'Repository (`repository`)',
      value: claims.repository ?? none('missing'),
      check:
        "The trusted publisher's repository owner and name (case does not count). A renamed or transferred repository needs its config updated.",
    },
    {
      key: 'owner-id',
      compared: 'Repository owner ID (`repository_owner_id`)',
      value: claims.repositoryOwnerId ?? none('missing'),
      check:
        'The owner ID the registry stored when the config was made. A repository or owner account deleted and recreated under the same name has a new ID: delete the config and create it again.',
    },
    {
      key: 'workflow',
      compared: 'Workflow file (from `workflow_ref`)',
      value: claims.workflowFile ?? none(`no \`.yml\` file in \`${claims.workflowRef ?? ''}\``),
      check:
        "The config's workflow file name, exactly: only the file name, case counts, and `.yml` is not `.yaml`.",
    },
  ];
  if (claims.reusableWorkflowRef !== undefined) {
    rows.push({
      key: 'reusable',
      compared: 'Reusable workflow (`job_workflow_ref`)',
      value: claims.reusableWorkflowRef,
      check:
        'Not compared: this job runs in a reusable workflow, and crates.io matches the calling workflow, both its repository and its file name (the Repository and Workflow file rows), not the reusable one.',
    });
  }
  rows.push(
    {
      key: 'environment',
      compared: 'Environment (`environment`)',
      value: claims.environment ?? none('none: the job has no `environment:`'),
      check:
        'If the config names an environment, the job needs `environment: <that name>` (case does not count). A config without one accepts any.',
    },
    {
      key: 'event',
      compared: 'Event (`event_name`)',
      value: claims.eventName ?? none('missing'),
      check:
        'crates.io refuses `pull_request_target` and `workflow_run`; publish on `push` (tags), `release` or `workflow_dispatch`.',
    },
    {
      key: 'ref',
      compared: 'Ref (`ref`)',
      value: claims.ref ?? none('missing'),
      check: 'Not compared by crates.io; shown to identify the run.',
    },
  );
  if (claims.issuer !== GITHUB_ISSUER) {
    rows.push({
      key: 'issuer',
      compared: 'Issuer (`iss`)',
      value: claims.issuer ?? none('missing'),
      check: `crates.io accepts only \`${GITHUB_ISSUER}\`. An enterprise-scoped issuer (set in the enterprise's OIDC settings) or GitHub Enterprise Server is refused: publish from a repository that uses the default issuer.`,
    });
  }
  rows.push(
    {
      key: 'audience',
      compared: 'Audience (`aud`)',
      value: claims.audience ?? none('missing'),
      check: `The registry's domain (\`${expectedAudience(context.baseUrl)}\` for ${context.baseUrl}). It comes from the \`audience\` input if set, else from the host of \`url\`.`,
    },
    {
      key: 'lifetime',
      compared: 'ID token lifetime (`iat`, `exp`)',
      value: lifetime(claims, context.nowSeconds),
      check: "GitHub's ID tokens live about 5 minutes; registries allow about 60 s of clock skew.",
    },
  );
  return rows;
}

/** What crates.io's `Failed to decode JWT` can hide, and which of it this run's claims make likely. */
function hiddenCauses(claims: RunClaims, context: RefusalContext): Cause[] {
  const expected = expectedAudience(context.baseUrl);
  const audienceOff = claims.audience !== expected;
  const source = !context.audienceFromInput
    ? `derived from \`url\` (${context.baseUrl})`
    : 'set by the `audience` input: remove it unless the registry documents another value';
  const now = context.nowSeconds;
  const expired = claims.expiresAt !== undefined && claims.expiresAt + LEEWAY_SECONDS <= now;
  const early = claims.issuedAt !== undefined && claims.issuedAt - LEEWAY_SECONDS > now;
  return [
    {
      text: audienceOff
        ? `An audience other than the registry's domain: this run asked for \`${claims.audience ?? ''}\` (${source}), the registry most likely expects \`${expected}\`.`
        : `An audience other than the registry's domain: this run asked for \`${claims.audience ?? ''}\`, which is the registry's host; only a registry whose domain differs from its URL would refuse it.`,
      likely: audienceOff,
      row: 'audience',
    },
    {
      text: expired
        ? `An expired ID token: it expired ${duration(now - (claims.expiresAt ?? now))} ago.`
        : early
          ? "An ID token from the future: its `iat` is ahead of this machine's clock; a clock is wrong."
          : 'An expired or not-yet-valid ID token: this one was within its lifetime when sent.',
      likely: expired || early,
      row: 'lifetime',
    },
    {
      text:
        claims.issuer === GITHUB_ISSUER
          ? "An unsupported issuer: this run's issuer is GitHub's default one, which crates.io accepts."
          : `An unsupported issuer: this run's issuer is \`${claims.issuer ?? ''}\`, not \`${GITHUB_ISSUER}\`.`,
      likely: claims.issuer !== GITHUB_ISSUER,
      row: 'issuer',
    },
  ];
}

/** Builds the explanation of a refused exchange from the registry's words and this run's claims. */
export function diagnoseRefusal(
  details: string[],
  claims: RunClaims,
  context: RefusalContext,
): Diagnosis {
  const refusals = details.map(readRefusalDetail);
  const flagged = new Set<RowKey>(refusals.flatMap(flagsOf));
  const decodeFailure = refusals.some((r) => r?.kind === 'undecodable');
  const notes: string[] = [];
  if (refusals.some((r) => r?.kind === 'replayed')) {
    notes.push(
      'The registry had already seen this ID token: the request was replayed on the way, by a proxy that retried it most likely. The action tries once more with a fresh ID token after a replay.',
    );
  }
  const causes = decodeFailure ? hiddenCauses(claims, context) : [];
  if (decodeFailure && !causes.some((c) => c.likely)) {
    notes.push(
      "None of these shows in this run's claims: the registry may have failed to check the signature against GitHub's keys. Re-run the job; if it persists, ask the registry.",
    );
  }
  causes.filter((c) => c.likely).forEach((c) => flagged.add(c.row));
  return {
    rows: rowsFor(claims, context).map((row) => ({ ...row, flagged: flagged.has(row.key) })),
    hiddenCauses: causes,
    notes,
  };
}
