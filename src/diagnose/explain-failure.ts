import { describeError, fixOf, MAX_SAID } from '../errors/describe.js';
import { ActionFailure, type Failure } from '../errors/failure.js';
import { statusLine, summarySection, troubleshootingLink } from '../output/summary.js';
import { shown } from '../redact/redact.js';
import type { LogCore as Core } from '../runner/core.js';
import { readClaims } from './claims.js';
import { diagnoseRefusal, type RefusalContext } from './explain-refusal.js';
import { PERMISSIONS_SNIPPET } from './early-warnings.js';
import { diagnosisForLog, diagnosisForSummary } from './render.js';

export interface FailureContext extends RefusalContext {
  /** The ID token of the last exchange attempt. Only its claims are read, never shown. */
  lastJwt: string | undefined;
  /** The action's docs, for the summary's links (see RunnerEnvironment). */
  docs?: string;
}

/**
 * Prints what helps beyond the one-paragraph error: for a refused exchange, the claims the
 * registry compared (log block and step summary table); for a missing ID token, the
 * permissions snippet. Returns whether it printed anything.
 */
export function explainFailure(
  core: Pick<Core, 'info' | 'appendSummary'>,
  failure: Failure,
  context: FailureContext,
): boolean {
  if (failure.kind === 'no-id-token' && !failure.fromFork) {
    core.info(PERMISSIONS_SNIPPET);
    core.appendSummary(
      summarySection(
        '### auth-action: no OIDC ID token',
        statusLine(
          '❌',
          `**No publish token.** This job cannot request an OIDC ID token from GitHub: give it (or the whole workflow) these permissions, and list beside them every other permission the job needs (${troubleshootingLink(context.docs, 'before-exchange', 'failures before the exchange')}).`,
        ),
        '```yaml\npermissions:\n  contents: read\n  id-token: write\n```',
      ),
    );
    return true;
  }
  // Only the registry's own refusal is explained by the claims: a page from a proxy is not one.
  const refused =
    failure.kind === 'http-status' &&
    failure.call === 'exchange' &&
    failure.unexpectedBody === undefined &&
    failure.status >= 400 &&
    failure.status < 500 &&
    failure.status !== 408 &&
    failure.status !== 429;
  if (!refused || context.lastJwt === undefined) return false;
  const claims = readClaims(context.lastJwt);
  if (claims === undefined) return false;
  const diagnosis = diagnoseRefusal(failure.details, claims, context);
  core.info(diagnosisForLog(diagnosis));
  const said = `HTTP ${failure.status}: ${shown(failure.details.join(' '), MAX_SAID) || 'no explanation'}`;
  const link = troubleshootingLink(context.docs, 'exchange-refused', 'what each refusal means');
  core.appendSummary(
    diagnosisForSummary(
      `auth-action: ${context.baseUrl} refused the token exchange`,
      said,
      diagnosis,
      `${fixOf(failure) ?? ''} See ${link}.`,
    ),
  );
  return true;
}

/**
 * The one paragraph for any error, with the fuller explanation printed before it where there
 * is one. If the explanation breaks, the paragraph still goes out.
 */
export function explainAndDescribe(
  core: Pick<Core, 'info' | 'appendSummary'>,
  error: unknown,
  context: FailureContext,
): string {
  let explained = false;
  if (error instanceof ActionFailure) {
    try {
      explained = explainFailure(core, error.failure, context);
    } catch {
      explained = false;
    }
  }
  return describeError(error, explained);
}
