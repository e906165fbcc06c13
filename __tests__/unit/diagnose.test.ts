import { readClaims, workflowFileOf } from '../../src/diagnose/claims.js';
import { diagnoseRefusal } from '../../src/diagnose/explain-refusal.js';
import { diagnosisForSummary } from '../../src/diagnose/render.js';

/** An unsigned JWT with these claims: enough, since only the payload is read. */
const jwt = (claims: Record<string, unknown>) =>
  `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;

const base = {
  repository: 'o/r',
  repository_owner_id: '7',
  workflow_ref: 'o/r/.github/workflows/release.yml@refs/tags/v1',
  job_workflow_ref: 'o/r/.github/workflows/release.yml@refs/tags/v1',
  event_name: 'release',
  ref: 'refs/tags/v1',
  iss: 'https://token.actions.githubusercontent.com',
  aud: 'crates.io',
  iat: 1000,
  exp: 1300,
};
const context = { baseUrl: 'https://crates.io', audienceFromInput: false, nowSeconds: 1100 };

test.each([
  ['o/r/.github/workflows/release.yml@refs/heads/main', 'release.yml'],
  ['o/r/.github/workflows/Publish.YAML@refs/heads/main', undefined],
  ['o/r/.github/workflows/publish.yaml@refs/tags/v1.2', 'publish.yaml'],
  ['o/r/.github/workflows/release.yml', undefined],
])('the workflow file of %s is %s, as crates.io reads it', (ref, file) => {
  expect(workflowFileOf(ref)).toBe(file);
});

test('claims: the named ones only; a reusable workflow only when it differs', () => {
  const claims = readClaims(jwt(base));
  expect(claims).toMatchObject({
    repository: 'o/r',
    workflowFile: 'release.yml',
    reusableWorkflowRef: undefined,
  });
  expect(
    readClaims(jwt({ ...base, job_workflow_ref: 'x/y/.github/workflows/z.yml@main' }))
      ?.reusableWorkflowRef,
  ).toBe('x/y/.github/workflows/z.yml@main');
  expect(readClaims('not.a-jwt')).toBeUndefined();
  expect(readClaims('nodots')).toBeUndefined();
});

test('the old crates.io message points at every config field', () => {
  const d = diagnoseRefusal(
    ['No matching Trusted Publishing config found'],
    readClaims(jwt(base))!,
    context,
  );
  expect(d.rows.filter((r) => r.flagged).map((r) => r.key)).toEqual([
    'repository',
    'owner-id',
    'workflow',
    'environment',
  ]);
  expect(d.hiddenCauses).toEqual([]);
});

test('a replayed JWT gets a note', () => {
  const d = diagnoseRefusal(['JWT has already been used'], readClaims(jwt(base))!, context);
  expect(d.notes[0]).toContain('the request was replayed on the way');
});

test('a token from the future is the likely cause', () => {
  const d = diagnoseRefusal(
    ['Failed to decode JWT'],
    readClaims(jwt({ ...base, iat: 2000, exp: 2300 }))!,
    context,
  );
  expect(d.hiddenCauses.filter((c) => c.likely).map((c) => c.row)).toEqual(['lifetime']);
  expect(d.hiddenCauses[1]?.text).toContain('from the future');
});

test('the summary table survives pipes and backticks in values', () => {
  const d = diagnoseRefusal(['x'], readClaims(jwt({ ...base, ref: 'refs/heads/a|b`c' }))!, context);
  const row = diagnosisForSummary('h', 'said', d, 'fix')
    .split('\n')
    .find((l) => l.startsWith('| Ref'));
  expect(row).toBe(
    "| Ref (`ref`) | `refs/heads/a\\|b'c` | Not compared by crates.io; shown to identify the run. |",
  );
});
