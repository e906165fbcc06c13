import { readClaims } from '../diagnose/claims.js';
import { statusLine, summarySection, troubleshootingLink } from './summary.js';

/**
 * The step summary's one line on success: where the token is from, for what, its fate, and the
 * credential provider's variable when one was set up.
 */
export function successSummary(
  baseUrl: string,
  jwt: string | undefined,
  revoke: boolean,
  providerVariable: string | undefined,
): string {
  const claims = jwt === undefined ? undefined : readClaims(jwt);
  const run =
    claims?.repository === undefined
      ? ''
      : ` for \`${claims.repository}\`${claims.workflowFile ? ` (workflow \`${claims.workflowFile}\`)` : ''}`;
  const fate =
    providerVariable === undefined
      ? revoke
        ? 'It is revoked when the job ends.'
        : 'It is not revoked (`revoke: false`) and expires 30 minutes after it was issued.'
      : `cargo's credential provider is set up for the rest of the job (\`${providerVariable}\`); ${revoke ? 'every token the job mints is revoked when it ends' : 'no token is revoked (`revoke: false`)'}.`;
  return summarySection(
    statusLine('✅', `**auth-action** got a publish token from ${baseUrl}${run}. ${fate}`),
  );
}

/**
 * What post says when a token main said would be revoked was not: `failed` of the `minted`
 * tokens of the job are alive until they expire.
 */
export function unrevokedSummary(failed: number, minted: number, docs: string | undefined): string {
  const answer =
    minted === 1
      ? '**auth-action could not revoke the publish token**: it stays valid until it expires, 30 minutes after it was issued.'
      : failed === minted
        ? `**auth-action could not revoke the ${minted} publish tokens this job minted**: each stays valid until it expires, 30 minutes after it was issued.`
        : `**auth-action revoked ${minted - failed} of the ${minted} publish tokens this job minted**: ${failed === 1 ? 'the other stays' : `the other ${failed} stay`} valid until ${failed === 1 ? 'it expires' : 'they expire'}, 30 minutes after ${failed === 1 ? 'it was' : 'they were'} issued.`;
  return summarySection(
    statusLine(
      '⚠️',
      `${answer} The post step's warning says why (${troubleshootingLink(docs, 'revocation', 'the revocation')}).`,
    ),
  );
}
