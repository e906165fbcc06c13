import type { WorkflowRun } from '../../rig/oidc-service.js';
import { DOCS_URL, runStep } from '../../rig/runner.js';
import { expectStatusParagraphs, theError } from '../expect-step.js';
import { World } from '../../rig/world.js';

let world: World;
beforeEach(async () => {
  world = await World.start();
});
afterEach(() => world.stopAndCheckLeaks());

/** The rows marked as the registry's complaint, in the log block and in the summary table. */
function flagged(step: { log: string[]; summary: string }) {
  return {
    log: step.log
      .join('\n')
      .split('\n')
      .filter((l) => l.startsWith('  ✗ ')),
    summary: step.summary.split('\n').filter((l) => l.startsWith('| **✗')),
  };
}

test.each<[string, Partial<WorkflowRun>, string, string]>([
  [
    'a renamed repository',
    { repository: 'rust-lang-demo/renamed' },
    'Repository (`repository`)',
    'rust-lang-demo/renamed',
  ],
  [
    'a recreated repository',
    { repositoryOwnerId: '42' },
    'Repository owner ID (`repository_owner_id`)',
    '42',
  ],
  [
    '.yaml for .yml',
    { workflowFile: 'release.yaml' },
    'Workflow file (from `workflow_ref`)',
    'release.yaml',
  ],
  ['a refused trigger', { eventName: 'workflow_run' }, 'Event (`event_name`)', 'workflow_run'],
])(
  '%s: the row the registry complained about is marked, with this run’s value',
  async (_n, run, row, value) => {
    Object.assign(world.oidc.run, run);

    const main = await world.runMain();

    expect(main.exitCode).toBe(1);
    expect(flagged(main)).toEqual({
      log: [`  ✗ ${row}: ${value}`],
      summary: [
        expect.stringMatching(
          new RegExp(`^\\| \\*\\*✗ ${row.replace(/[()`]/g, '\\$&')}\\*\\* \\| \`${value}\` \\| `),
        ) as unknown,
      ],
    });
    expect(theError(main)).toMatch(/What this run sent is listed above and in the step summary\.$/);
    expect(main.summary).toContain(
      '| What the registry compared | Value in this run | What to check |',
    );
    expect(main.summary).toContain('not something to copy into them blindly');
  },
);

test('a missing environment: the job has none, and how to set it', async () => {
  world.registry.publishers[0] = { ...world.registry.publishers[0]!, environment: 'release' };

  const main = await world.runMain();

  expect(flagged(main).log).toEqual([
    '  ✗ Environment (`environment`): (none: the job has no `environment:`)',
  ]);
  expect(main.log.join('\n')).toContain('the job needs `environment: <that name>`');
});

test('a refused exchange: the summary leads with the fix the error gives, above the row it is about', async () => {
  world.registry.publishers[0] = { ...world.registry.publishers[0]!, environment: 'release' };

  const main = await world.runMain();

  const fix =
    'The trusted publisher requires an environment and this job runs in none: add `environment: release` to the job that runs this action.';
  expect(theError(main)).toContain(fix);
  const lines = main.summary.split('\n');
  expect(lines.slice(0, 8)).toEqual([
    '',
    `### auth-action: ${world.registry.url} refused the token exchange`,
    '',
    `❌ **No publish token.** ${fix} See [what each refusal means](${DOCS_URL}troubleshooting.md#the-registry-refused-the-exchange).`,
    '',
    '| What the registry compared | Value in this run | What to check |',
    '| --- | --- | --- |',
    '| **✗ Environment (`environment`)** | (none: the job has no `environment:`) | If the config names an environment, the job needs `environment: <that name>` (case does not count). A config without one accepts any. |',
  ]);
  expect(main.summary).toContain(
    'The registry said:\n\n> HTTP 400: The Trusted Publishing config for repository `rust-lang-demo/hello-tp` requires an environment, but the JWT does not specify one. Expected environments: `release`',
  );
  expectStatusParagraphs(main);
});

test('a reusable workflow: crates.io matches the calling one', async () => {
  world.oidc.run.workflowFile = 'ci.yml';
  world.oidc.run.jobWorkflowRef = 'acme/shared/.github/workflows/publish.yml@refs/heads/main';

  const main = await world.runMain();

  const log = main.log.join('\n');
  expect(log).toContain('  ✗ Workflow file (from `workflow_ref`): ci.yml');
  expect(log).toContain(
    '    Reusable workflow (`job_workflow_ref`): acme/shared/.github/workflows/publish.yml@refs/heads/main',
  );
  expect(log).toContain(
    'crates.io matches the calling workflow, both its repository and its file name',
  );
});

test('an enterprise issuer is shown and marked', async () => {
  world.oidc.run.issuer = 'https://token.actions.githubusercontent.com/acme';

  const main = await world.runMain();

  expect(flagged(main).log).toEqual([
    '  ✗ Issuer (`iss`): https://token.actions.githubusercontent.com/acme',
  ]);
  expect(theError(main)).toContain(
    "Publish from a repository whose ID tokens use GitHub's default issuer.",
  );
});

test('the issuer is not shown when it is GitHub’s', async () => {
  world.oidc.run.repository = 'someone/else';

  const main = await world.runMain();

  // The claims block is there, with the row the registry complained about, in the log and in
  // the summary: only the issuer's row is left out.
  const log = main.log.join('\n');
  expect(log).toContain("What the registry compared, as this run's ID token states it:");
  expect(flagged(main).log).toEqual(['  ✗ Repository (`repository`): someone/else']);
  expect(main.summary).toContain(
    '| What the registry compared | Value in this run | What to check |',
  );
  expect(log).not.toContain('Issuer (`iss`)');
  expect(main.summary).not.toContain('Issuer (`iss`)');
});

describe('"Failed to decode JWT": the hidden causes, and which are likely', () => {
  const causes = (step: { log: string[] }) =>
    step.log
      .join('\n')
      .split('\n')
      .filter((l) => /^ {2}(LIKELY {2}|unlikely) /.test(l));

  test('a custom audience', async () => {
    const main = await world.runMain({ with: { audience: 'crates.io' } });

    expect(causes(main)).toEqual([
      `  LIKELY   An audience other than the registry's domain: this run asked for \`crates.io\` (set by the \`audience\` input: remove it unless the registry documents another value), the registry most likely expects \`${world.registry.audience}\`.`,
      '  unlikely An expired or not-yet-valid ID token: this one was within its lifetime when sent.',
      "  unlikely An unsupported issuer: this run's issuer is GitHub's default one, which crates.io accepts.",
    ]);
    expect(flagged(main).log).toEqual(['  ✗ Audience (`aud`): crates.io']);
    expect(main.summary).toContain("- **Likely.** An audience other than the registry's domain");
    expect(theError(main)).toContain('most often its audience is not the registry');
  });

  test('an expired ID token', async () => {
    world.oidc.run.clockSkewSeconds = -1000;

    const main = await world.runMain();

    const lines = causes(main);
    expect(lines[1]).toMatch(/^ {2}LIKELY {3}An expired ID token: it expired 1\d min \d+ s ago\.$/);
    expect(lines.filter((l) => l.includes('LIKELY'))).toHaveLength(1);
    expect(flagged(main).log[0]).toMatch(
      /^ {2}✗ ID token lifetime \(`iat`, `exp`\): expired 1\d min/,
    );
  });

  test('a url whose host is not the registry’s domain', async () => {
    await world.stop();
    world = await World.start({ audience: 'registry.example.com' });

    const main = await world.runMain();

    expect(causes(main)[0]).toContain(
      `this run asked for \`${new URL(world.registry.url).host}\`, which is the registry's host`,
    );
    expect(main.log.join('\n')).toContain("None of these shows in this run's claims");
  });
});

describe('before the exchange', () => {
  test('no ID token in a fork’s pull request: no permission helps; other triggers do', async () => {
    const main = await runStep('main', {
      with: { url: world.registry.url },
      event: { pull_request: { head: { repo: { fork: true } } } },
      env: { GITHUB_EVENT_NAME: 'pull_request' },
    });

    expect(theError(main)).toBe(
      "This run was triggered by a pull request from a fork, and GitHub gives such runs no OIDC ID token, whatever the workflow's `permissions` say, so they cannot publish. Publish from a trigger that forks cannot fire: a tag push (`on: push: tags:`), `release`, or `workflow_dispatch`.",
    );
    expect(main.log.join('\n')).not.toContain('id-token: write');
  });

  test('no ID token otherwise: the permissions snippet, in the log and the summary', async () => {
    const main = await runStep('main', {
      with: { url: world.registry.url },
      event: { pull_request: { head: { repo: { fork: false } } } },
    });

    expect(main.log.join('\n')).toContain(
      'Add this to the job that runs this action (or at the top of the workflow):\n    permissions:\n      contents: read\n      id-token: write',
    );
    expect(main.summary).toContain(
      '```yaml\npermissions:\n  contents: read\n  id-token: write\n```',
    );
    expect(main.summary).toContain(
      `❌ **No publish token.** This job cannot request an OIDC ID token from GitHub: give it (or the whole workflow) these permissions, and list beside them every other permission the job needs ([failures before the exchange](${DOCS_URL}troubleshooting.md#failures-before-the-exchange)).`,
    );
    expectStatusParagraphs(main);
    expect(theError(main)).toContain(
      'Give the job (or the whole workflow) `permissions: id-token: write`',
    );
  });

  test.each(['pull_request_target', 'workflow_run'])(
    '%s with crates.io: a warning before anything is sent',
    async (event) => {
      const main = await runStep('main', { with: { url: '' }, env: { GITHUB_EVENT_NAME: event } });

      expect(main.annotations.map((a) => a.level)).toEqual(['warning', 'error']);
      expect(main.annotations[0]?.message).toContain(
        `This run was triggered by \`${event}\`, and crates.io refuses trusted publishing from it`,
      );
    },
  );

  test('no such warning for another registry', async () => {
    const main = await world.runMain({ env: { GITHUB_EVENT_NAME: 'pull_request_target' } });

    expect(main.annotations.filter((a) => a.level === 'warning')).toEqual([]);
  });
});

test('on success, the summary has one line: where from, for what, and revoked or not', async () => {
  const { main } = await world.runJob();
  const kept = await world.runMain({ with: { revoke: 'false' } });

  expect(main.summary).toBe(
    `\n✅ **auth-action** got a publish token from ${world.registry.url} for \`rust-lang-demo/hello-tp\` (workflow \`release.yml\`). It is revoked when the job ends.\n\n`,
  );
  expect(kept.summary).toContain('It is not revoked (`revoke: false`)');
});
