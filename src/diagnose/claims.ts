import { shown } from '../redact/redact.js';

/** The claims of a GitHub ID token that a registry compares, read without the signature. */
export interface RunClaims {
  repository: string | undefined;
  repositoryOwnerId: string | undefined;
  workflowRef: string | undefined;
  /** The calling workflow's file, taken from workflow_ref as crates.io takes it. */
  workflowFile: string | undefined;
  /** Set only when the job runs in a reusable workflow (job_workflow_ref differs). */
  reusableWorkflowRef: string | undefined;
  environment: string | undefined;
  eventName: string | undefined;
  ref: string | undefined;
  issuer: string | undefined;
  audience: string | undefined;
  /** Seconds since the epoch. */
  expiresAt: number | undefined;
  issuedAt: number | undefined;
}

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

/** crates.io's own pattern for the workflow file name in `workflow_ref`. */
const WORKFLOW_FILENAME = /([^/]+\.(yml|yaml))(@.+)/;

export function workflowFileOf(workflowRef: string): string | undefined {
  return WORKFLOW_FILENAME.exec(workflowRef)?.[1];
}

/**
 * A claim's text is outside data: it goes through the one rule (shown()) as it is read, so
 * that no rendering of the claims (log, cargo's step log, summary) can print it raw.
 */
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? shown(value) : undefined;
const seconds = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/**
 * Decodes the payload of a JWT. The signature is not checked (the registry does that) and
 * never kept: only these named claims leave this function.
 */
export function readClaims(jwt: string): RunClaims | undefined {
  const payload = jwt.split('.')[1];
  if (payload === undefined) return undefined;
  let claims: Record<string, unknown>;
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    claims = parsed as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const workflowRef = text(claims.workflow_ref);
  const jobWorkflowRef = text(claims.job_workflow_ref);
  const audience = text(Array.isArray(claims.aud) ? claims.aud.join(', ') : claims.aud);
  return {
    repository: text(claims.repository),
    repositoryOwnerId: text(claims.repository_owner_id),
    workflowRef,
    workflowFile: workflowRef === undefined ? undefined : workflowFileOf(workflowRef),
    reusableWorkflowRef: jobWorkflowRef !== workflowRef ? jobWorkflowRef : undefined,
    environment: text(claims.environment),
    eventName: text(claims.event_name),
    ref: text(claims.ref),
    issuer: text(claims.iss),
    audience,
    expiresAt: seconds(claims.exp),
    issuedAt: seconds(claims.iat),
  };
}
