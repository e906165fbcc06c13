import { GITHUB_ISSUER } from '../../rig/jwt.js';
import {
  publisherFor,
  selfTestProblems,
  workflowFilename,
  type Report,
} from '../../rig/self-test.js';

const env = {
  GITHUB_REPOSITORY: 'org/auth-action',
  GITHUB_REPOSITORY_OWNER_ID: '123',
  GITHUB_WORKFLOW_REF: 'org/auth-action/.github/workflows/self-test.yml@refs/heads/main',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_RUN_ID: '42',
  GITHUB_SHA: 'abc',
};
const claims = {
  iss: GITHUB_ISSUER,
  aud: '127.0.0.1:4000',
  repository: 'org/auth-action',
  repository_owner_id: '123',
  workflow_ref: env.GITHUB_WORKFLOW_REF,
  event_name: 'push',
  run_id: '42',
  sha: 'abc',
};
const upload = {
  crate: 'auth-action-self-test',
  version: '0.2.0',
  live: true,
  status: 200,
  issuedHere: true,
};
const report = (changes: Partial<Report> = {}): Report => ({
  audience: '127.0.0.1:4000',
  requests: { exchange: 1, publish: 1, revoke: 0 },
  exchanged: [claims],
  issued: 1,
  uploads: [upload],
  ...changes,
});

test('the trusted publisher is this repository and the workflow file the run names', () => {
  expect(workflowFilename('o/r/.github/workflows/self-test.yml@refs/pull/1/merge')).toBe(
    'self-test.yml',
  );
  expect(() => workflowFilename('o/r@main')).toThrow('names no workflow file');
  expect(publisherFor(env)).toEqual({
    crate: 'auth-action-self-test',
    repositoryOwner: 'org',
    repositoryName: 'auth-action',
    repositoryOwnerId: '123',
    workflowFilename: 'self-test.yml',
  });
  expect(() => publisherFor({})).toThrow('GITHUB_REPOSITORY is not set');
});

test('what the registry saw: passes only with this run’s claims and one live upload', () => {
  expect(selfTestProblems(report(), env)).toEqual([]);
  expect(selfTestProblems(report({ exchanged: [{ ...claims, run_id: '41' }] }), env)).toEqual([
    'claim run_id: expected "42", got "41"',
  ]);
  expect(
    selfTestProblems(report({ requests: { exchange: 2, publish: 1, revoke: 0 } }), env),
  ).toEqual(['expected one token exchange, got 2 requests and 1 tokens']);
  expect(selfTestProblems(report({ uploads: [{ ...upload, live: false }] }), env)).toHaveLength(1);
  expect(selfTestProblems(report({ uploads: [upload, upload] }), env)).toHaveLength(1);
});
