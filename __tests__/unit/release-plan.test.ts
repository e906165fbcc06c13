// The release workflow's plan for a pushed tag (scripts/release-plan.mjs): the major tag moves
// only to the highest release of its major, only for a commit on main, only while the tag still
// names the commit the run verified; a re-run finds it done.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeTreeSync } from '../../rig/remove-tree.js';
import {
  outputLines,
  releasePlan,
  versionOf,
  type ReleaseFacts,
} from '../../scripts/release-plan.mjs';

const A = 'a'.repeat(40); // the commit this run verified
const OLD = 'b'.repeat(40); // where v1 is now
const OTHER = 'c'.repeat(40);

const facts = (overrides: Partial<ReleaseFacts> = {}): ReleaseFacts => ({
  tag: 'v1.3.0',
  runCommit: A,
  tagCommit: A,
  tags: ['v1', 'v1.2.0', 'v1.2.1', 'v1.3.0'],
  majorCommit: OLD,
  mainStatus: 'ahead',
  ...overrides,
});

const action = (f: ReleaseFacts) => {
  const plan = releasePlan(f);
  return plan.ok ? `${plan.major} ${plan.majorAction}, latest ${plan.latest}` : plan.problem;
};

test('the newest release, on main: the major tag moves to it, from where it was', () => {
  const plan = releasePlan(facts());
  expect(plan).toEqual({
    ok: true,
    major: 'v1',
    majorAction: 'update',
    majorFrom: OLD,
    latest: true,
    reasons: [
      'v1.3.0 is the highest release: it is marked Latest.',
      `v1 moves from ${OLD} to v1.3.0.`,
    ],
  });
  expect(releasePlan(facts({ mainStatus: 'identical' }))).toMatchObject({ majorAction: 'update' });
});

test('the first release of a major creates its tag', () => {
  expect(action(facts({ tags: ['v1.3.0'], majorCommit: '' }))).toBe('v1 create, latest true');
});

test('two tags pushed close together: the older one leaves the major tag to the newer', () => {
  const tags = ['v1', 'v1.2.0', 'v1.3.0', 'v1.3.1'];
  expect(releasePlan(facts({ tag: 'v1.3.0', tags }))).toMatchObject({
    majorAction: 'none',
    latest: false,
    reasons: [
      'v1.3.0 is not the highest release: it is not marked Latest.',
      'v1 stays where it is: v1.3.1 is a newer release of v1.',
    ],
  });
  expect(action(facts({ tag: 'v1.3.1', tags }))).toBe('v1 update, latest true');
});

test('an older patch released after a newer minor never takes the major tag back', () => {
  const tags = ['v1', 'v1.2.0', 'v1.3.0', 'v1.2.1'];
  expect(releasePlan(facts({ tag: 'v1.2.1', tags }))).toMatchObject({
    majorAction: 'none',
    latest: false,
    reasons: [expect.any(String), 'v1 stays where it is: v1.3.0 is a newer release of v1.'],
  });
  // Versions compare as numbers: 1.10.0 is newer than 1.9.0.
  const tens = ['v1.9.0', 'v1.10.0'];
  expect(action(facts({ tag: 'v1.9.0', tags: tens }))).toBe('v1 none, latest false');
  expect(action(facts({ tag: 'v1.10.0', tags: tens }))).toBe('v1 update, latest true');
});

test('a new major does not touch the old one, and the old one still moves within itself', () => {
  const tags = ['v1', 'v1.3.0', 'v2.0.0'];
  expect(action(facts({ tag: 'v2.0.0', tags, majorCommit: '' }))).toBe('v2 create, latest true');
  // v1.4.0 after v2.0.0: v1 moves to it, and v2.0.0 stays Latest.
  expect(action(facts({ tag: 'v1.4.0', tags: [...tags, 'v1.4.0'] }))).toBe(
    'v1 update, latest false',
  );
});

test('pre-release and other v tags are not releases: never newer, never moved to', () => {
  const tags = ['v1', 'v1.3.0', 'v1.4.0-rc.1', 'v1.4', 'v01.9.9', 'v2-beta', 'v1.5.0+build'];
  expect(action(facts({ tags }))).toBe('v1 update, latest true');
  expect(action(facts({ tag: 'v1.4.0-rc.1', tags }))).toBe(
    'v1.4.0-rc.1 is not a release tag (vX.Y.Z): nothing is released.',
  );
  expect([versionOf('v1.10.2'), versionOf('v1.4.0-rc.1'), versionOf('v1.02.0')]).toEqual([
    [1, 10, 2],
    undefined,
    undefined,
  ]);
});

test('a commit that is not on main is released, and the major tag stays', () => {
  for (const mainStatus of ['behind', 'diverged', '']) {
    expect(releasePlan(facts({ mainStatus }))).toMatchObject({
      ok: true,
      majorAction: 'none',
      reasons: [
        expect.any(String),
        `v1 stays where it is: v1.3.0 is not on main (GitHub compares it with main as ${mainStatus || 'unknown'}), and a major tag follows only main.`,
      ],
    });
  }
});

test('a tag moved or deleted during the run stops the release', () => {
  expect(action(facts({ tagCommit: OTHER }))).toBe(
    `v1.3.0 now names ${OTHER}, not ${A}, the commit this run verified: nothing is released. Push the tag again if it moved on purpose (a new run releases it as it is); never move a released tag.`,
  );
  expect(action(facts({ tagCommit: '' }))).toMatch(/^v1\.3\.0 is gone, not a+, the commit/);
});

test('a re-run finds the major tag at this commit already and goes on', () => {
  expect(releasePlan(facts({ majorCommit: A }))).toMatchObject({
    majorAction: 'none',
    latest: true,
    reasons: [
      expect.any(String),
      'v1 stays where it is: it names this commit already (this run, or one before it, moved it).',
    ],
  });
});

test('the outputs, one name=value a line, as GITHUB_OUTPUT takes them', () => {
  const plan = releasePlan(facts());
  if (!plan.ok) throw new Error(plan.problem);
  expect(outputLines(plan)).toBe(
    [
      'major=v1',
      'major-action=update',
      `major-from=${OLD}`,
      'latest=true',
      `why=v1.3.0 is the highest release: it is marked Latest. v1 moves from ${OLD} to v1.3.0.`,
    ].join('\n'),
  );
});

describe('the command the plan job runs', () => {
  const script = fileURLToPath(new URL('../../scripts/release-plan.mjs', import.meta.url));
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'auth-action-release-plan-'));
  });
  afterEach(() => {
    removeTreeSync(dir);
  });

  const run = (tagCommit: string) => {
    writeFileSync(join(dir, 'tags.txt'), 'v1\nv1.2.0\nv1.3.0\n');
    writeFileSync(join(dir, 'output'), '');
    const args = ['--tag', 'v1.3.0', '--run-commit', A, '--tag-commit', tagCommit];
    const result = spawnSync(
      process.execPath,
      [
        script,
        ...args,
        '--major-commit',
        OLD,
        '--main',
        'ahead',
        '--tags-file',
        join(dir, 'tags.txt'),
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: join(dir, 'output') },
      },
    );
    return { ...result, output: readFileSync(join(dir, 'output'), 'utf8') };
  };

  test('writes the outputs to GITHUB_OUTPUT and the reasons to the log', () => {
    const { status, stdout, output } = run(A);
    expect(status).toBe(0);
    expect(stdout).toBe(
      `v1.3.0 is the highest release: it is marked Latest.\nv1 moves from ${OLD} to v1.3.0.\n`,
    );
    expect(output).toContain('major=v1\nmajor-action=update\n');
  });

  test('fails the job, with an error annotation, when the tag moved', () => {
    const { status, stderr, output } = run(OTHER);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^::error::v1\.3\.0 now names c+, not a+, the commit this run verified/);
    expect(output).toBe('');
  });
});
