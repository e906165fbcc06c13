import { readClaims } from '../diagnose/claims.js';

/** The step summary's one line on success: where the token is from, for what, and its fate. */
export function successSummary(baseUrl: string, jwt: string | undefined, revoke: boolean): string {
  const claims = jwt === undefined ? undefined : readClaims(jwt);
  const run =
    claims?.repository === undefined
      ? ''
      : ` for \`${claims.repository}\`${claims.workflowFile ? ` (workflow \`${claims.workflowFile}\`)` : ''}`;
  const fate = revoke
    ? 'It is revoked when the job ends.'
    : 'It is not revoked (`revoke: false`) and expires 30 minutes after it was issued.';
  return `✅ **auth-action** got a publish token from ${baseUrl}${run}. ${fate}\n`;
}
