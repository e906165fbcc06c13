import { readClaims } from '../diagnose/claims.js';

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
  return `✅ **auth-action** got a publish token from ${baseUrl}${run}. ${fate}\n`;
}
