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
