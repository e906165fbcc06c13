/**
 * The README's partial-release recipe is a whole workflow a user can copy: checkout without
 * persisted credentials, permissions, an environment, `concurrency` so that two releases never
 * race, and `exclude-published` reaching the script through `env:`. Its `run:` line, run by the
 * shell as the runner runs it, gives cargo one argument per word of the output.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { workflowProblems } from '../../scripts/workflow-rules.mjs';

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Partial releases and re-runs'));
const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
const workflow = parse(block) as {
  permissions: unknown;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, { permissions: unknown; environment: unknown; steps: Step[] }>;
};
const job = Object.values(workflow.jobs)[0];
const steps = job?.steps ?? [];

test('a whole workflow: checkout, permissions, environment, one release at a time', () => {
  expect(workflow.permissions).toEqual({});
  expect(job?.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
  expect(job?.environment).toBe('release');
  expect(workflow.concurrency).toEqual({ group: 'release', 'cancel-in-progress': false });
  expect(steps[0]?.uses).toMatch(/^actions\/checkout@[0-9a-f]{40}$/);
  expect(steps[1]?.with).toEqual({ 'credential-provider': true, workspace: '.' });
  // The project's own rules, the action's placeholder name aside.
  expect(workflowProblems(block)).toEqual([
    expect.stringMatching(/org\/auth-action@v1 is not pinned/) as unknown,
  ]);
});

test('exclude-published reaches cargo through env:, never pasted into the script', () => {
  const publish = steps.find((step) => step.run?.includes('cargo publish'));
  expect(publish?.if).toBe("steps.auth.outputs.unpublished != ''");
  expect(publish?.run).not.toContain('${{');
  expect(publish?.env).toEqual({
    EXCLUDE_PUBLISHED: '${{ steps.auth.outputs.exclude-published }}',
  });
  // The runner's bash, with cargo standing in as a function that prints its arguments.
  const args = execFileSync(
    'bash',
    ['-e', '-c', `cargo() { printf '<%s>' "$@"; }\n${publish?.run ?? ''}`],
    {
      env: { PATH: process.env.PATH, EXCLUDE_PUBLISHED: '--exclude a_b --exclude c-d' },
      encoding: 'utf8',
    },
  );
  expect(args).toBe('<publish><--workspace><--exclude><a_b><--exclude><c-d>');
});
