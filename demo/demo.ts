// `npm run demo`: the whole flow on this machine, as workflow runs would go. GitHub's OIDC
// service and a crates.io-like registry run on loopback; the bundled action runs under Node 24
// as the runner runs it; cargo publishes; the post step revokes. Three jobs:
//   1. one crate, with the `token` output as CARGO_REGISTRY_TOKEN;
//   2. a three-crate workspace whose release outlives its token, with `credential-provider`;
//   3. a release cut off half-way (a crate whose trusted publisher names another workflow),
//      then the re-run that finishes it with `workspace` and `exclude-published`, as the
//      README's recipe runs it (the output reaches bash through env:).
import { cargoPublish, cargoVersion, makeWorkspace, PUBLISH_WORKSPACE } from '../rig/cargo.js';
import type { StepResult } from '../rig/runner.js';
import { CRATE, World } from '../rig/world.js';

const bold = (text: string) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
const heading = (text: string) => {
  console.log(`\n${bold(`▶ ${text}`)}`);
};
const show = (step: StepResult) => {
  for (const line of step.log) console.log(`  | ${line}`);
};
const cargo = cargoVersion();

interface Outcome {
  summary: string[];
  ok: boolean;
}

/** Job 1: main → cargo publish with the token output → post, then the revoked token is tried. */
async function oneCrate(): Promise<Outcome> {
  const world = await World.start();
  try {
    console.log(bold('Job 1: one crate, with the `token` output'));
    console.log(
      `  GitHub OIDC service  ${world.oidc.origin} (RS256 JWTs for ${world.oidc.run.repository}, workflow ${world.oidc.run.workflowFile})`,
    );
    console.log(
      `  cargo registry       ${world.registry.url} (trusts that repository and workflow for crate \`${CRATE}\`, which has 0.1.0)`,
    );
    const publish = { ok: false };
    const { main, post } = await world.runJob({
      between: async (step) => {
        heading('Step `uses: org/auth-action@v1` (main) — the log as GitHub shows it');
        show(step);
        console.log(
          `  outputs.token = ${step.masks.includes(step.outputs.token ?? '') ? '*** (masked)' : 'NOT MASKED'}`,
        );
        console.log(`  step summary: ${step.summary.trim()}`);
        heading(
          'Step `run: cargo publish --registry local` with CARGO_REGISTRIES_LOCAL_TOKEN = steps.auth.outputs.token',
        );
        if (cargo === undefined) {
          console.log('  | cargo is not installed: skipping the publish.');
          return;
        }
        const run = await cargoPublish({
          indexUrl: `${world.registry.url}/index/`,
          token: step.outputs.token ?? '',
          crate: CRATE,
          version: '0.2.0',
        });
        for (const line of run.output.trim().split('\n')) console.log(`  | ${line}`);
        publish.ok = run.code === 0;
      },
    });
    heading('Post step of auth-action — runs when the job ends');
    show(post);

    const token = main.outputs.token ?? '';
    const summary = [
      `main: exit ${main.exitCode ?? 'killed'}, token output masked: ${main.masks.includes(token) ? 'yes' : 'NO'}`,
      cargo === undefined
        ? 'cargo publish: skipped (cargo not installed)'
        : `cargo publish: ${publish.ok ? 'ok' : 'FAILED'}; versions of ${CRATE} in the index: ${world.registry.versions(CRATE).join(', ')}`,
      `post: exit ${post.exitCode ?? 'killed'}, token revoked at the registry: ${world.registry.isRevoked(token) ? 'yes' : 'NO'}`,
    ];
    let refusedAfter = true;
    if (cargo !== undefined) {
      heading('cargo publish again with the same token, after the post step');
      const again = await cargoPublish({
        indexUrl: `${world.registry.url}/index/`,
        token,
        crate: CRATE,
        version: '0.3.0',
      });
      const refusal = again.output
        .split('\n')
        .find((line) => line.includes('Invalid authentication token'));
      console.log(`  | ${refusal ?? again.output.trim()}`);
      refusedAfter = again.code !== 0;
      summary.push(
        `publish with the revoked token: ${refusedAfter ? 'refused' : 'ACCEPTED (wrong)'}`,
      );
    }
    const leaks = world.leaks(main, post);
    summary.push(
      `secrets in the log or step summary: ${leaks.length === 0 ? 'none' : leaks.join('; ')}`,
    );
    const ok =
      main.exitCode === 0 &&
      post.exitCode === 0 &&
      leaks.length === 0 &&
      world.registry.isRevoked(token) &&
      (cargo === undefined || (publish.ok && refusedAfter));
    return { summary, ok };
  } finally {
    await world.stop();
  }
}

/*
 * Job 2 runs a 30-minute release in seconds: the action's clock (AUTH_ACTION_TIME_SCALE) and
 * the registry's token life are both 1/200 of real time, so tokens live 9 s; each crate shows
 * in the index 5 s after its upload, and cargo waits for it before uploading the next.
 */
const SCALE = 0.005;
const CRATES = [
  { name: 'tp-a', version: '0.2.0' },
  { name: 'tp-b', version: '0.2.0', dependsOn: ['tp-a'] },
  { name: 'tp-c', version: '0.2.0', dependsOn: ['tp-b'] },
];

/** Job 2: main with credential-provider → cargo publish --workspace → post. */
async function longRelease(): Promise<Outcome> {
  if (cargo === undefined) {
    return { summary: ['long release: skipped (cargo not installed)'], ok: true };
  }
  const world = await World.start({ tokenLifetimeMs: 30 * 60_000 * SCALE, indexDelayMs: 5_000 });
  for (const crate of CRATES) world.trust(crate.name, '0.1.0');
  const workspace = await makeWorkspace(`${world.registry.url}/index/`, CRATES);
  try {
    console.log(
      `\n\n${bold('Job 2: a workspace release (tp-a ← tp-b ← tp-c) that outlives its token, with `credential-provider: true`')}`,
    );
    console.log(
      '  Time runs at 1/200: tokens live 9 s (30 min), each crate reaches the index 5 s after its upload (about 17 min).',
    );
    const scaled = { AUTH_ACTION_TIME_SCALE: String(SCALE) };
    let release: StepResult | undefined;
    const started = Date.now();
    const { main, post } = await world.runJob({
      with: { 'credential-provider': 'true', 'registry-name': 'local' },
      env: scaled,
      between: async (step, job) => {
        heading(
          'Step `uses: org/auth-action@v1` with `credential-provider: true`, `registry-name: local`',
        );
        show(step);
        for (const [name, value] of Object.entries(step.exported)) {
          console.log(`  GITHUB_ENV: ${name}=${value}`);
        }
        heading('Step `run: cargo publish --workspace --registry local` (no token in its env)');
        release = await world.runCommand(job, 'cargo', PUBLISH_WORKSPACE, {
          cwd: workspace.dir,
          env: { ...workspace.env, ...scaled },
          killAfterMs: 110_000,
        });
        show(release);
      },
    });
    heading('Post step of auth-action — revokes every token the job minted');
    show(post);

    const seconds = (Date.now() - started) / 1000;
    const minted = [...world.registry.issued.keys()];
    const uploads = world.registry.uploads;
    const leaks = world.leaks(...world.steps);
    const summary = [
      `release: ${seconds.toFixed(0)} s (${(seconds / SCALE / 60).toFixed(0)} min at real speed) against tokens that live 9 s (30 min)`,
      `uploads: ${uploads.map((u) => `${u.crate} ${u.status === 200 ? 'ok' : `HTTP ${u.status}`} with a ${u.live ? 'live' : 'DEAD'} token`).join(', ')}`,
      `tokens minted: ${minted.length} (main's, then the provider's when main's had less than 10 of its 30 minutes left)`,
      `after post, tokens still alive: ${minted.filter((t) => world.registry.isAlive(t)).length}; revoked: ${minted.filter((t) => world.registry.isRevoked(t)).length}`,
      `secrets in any step's log or summary: ${leaks.length === 0 ? 'none' : leaks.join('; ')}`,
    ];
    const ok =
      main.exitCode === 0 &&
      release?.exitCode === 0 &&
      post.exitCode === 0 &&
      uploads.length === CRATES.length &&
      uploads.every((u) => u.live && u.status === 200) &&
      minted.every((t) => world.registry.isRevoked(t)) &&
      leaks.length === 0;
    return { summary, ok };
  } finally {
    await workspace.remove();
    await world.stop();
  }
}

/** A trusted publisher for the demo's repository and workflow. */
const publisher = (crate: string) => ({
  crate,
  repositoryOwner: 'rust-lang-demo',
  repositoryName: 'hello-tp',
  repositoryOwnerId: '4242',
  workflowFilename: 'release.yml',
});

/**
 * Job 3, run twice: a release that stops half-way (tp-c's trusted publisher names another
 * workflow, so crates.io refuses it after tp-a and tp-b are out), then, once that is fixed, the
 * re-run of the same job: `workspace` finds tp-a and tp-b out, and `cargo publish --workspace
 * ${exclude-published}` publishes tp-c alone.
 */
async function partialRelease(): Promise<Outcome> {
  if (cargo === undefined) {
    return { summary: ['partial release: skipped (cargo not installed)'], ok: true };
  }
  const world = await World.start();
  for (const crate of CRATES) world.registry.addCrate(crate.name, '0.1.0');
  world.registry.addPublisher(publisher('tp-a')).addPublisher(publisher('tp-b'));
  const workspace = await makeWorkspace(`${world.registry.url}/index/`, CRATES);
  const step = {
    with: { 'credential-provider': 'true', 'registry-name': 'local', workspace: workspace.dir },
    env: {
      CARGO_HOME: workspace.env.CARGO_HOME ?? '',
      RUSTUP_HOME: workspace.env.RUSTUP_HOME ?? '',
    },
  };
  try {
    console.log(
      `

${bold('Job 3: a release cut off half-way, then the re-run that finishes it (`workspace` set)')}`,
    );
    console.log(
      "  tp-c's trusted publisher names another workflow: crates.io refuses it after tp-a and tp-b are out.",
    );
    const exitCodes: (number | null)[] = [];
    const run = async (attempt: string) =>
      world.runJob({
        ...step,
        between: async (main, job) => {
          heading(`${attempt}: step \`uses: org/auth-action@v1\` with \`workspace\` set`);
          show(main);
          console.log(`  outputs.unpublished = '${main.outputs.unpublished ?? ''}'`);
          console.log(`  outputs.exclude-published = '${main.outputs['exclude-published'] ?? ''}'`);
          // As the README's recipe runs it: the output reaches the script through env:.
          const script = `cargo ${PUBLISH_WORKSPACE.join(' ')} $EXCLUDE_PUBLISHED`;
          heading(
            `${attempt}: step \`run: ${script}\` with EXCLUDE_PUBLISHED = '${main.outputs['exclude-published'] ?? ''}'`,
          );
          // portable: the demo runs on Linux and macOS (README), whose runners run `run:` with bash.
          const release = await world.runCommand(job, 'bash', ['-c', script], {
            cwd: workspace.dir,
            env: { ...workspace.env, EXCLUDE_PUBLISHED: main.outputs['exclude-published'] ?? '' },
          });
          show(release);
          exitCodes.push(release.exitCode);
        },
      });
    const first = await run('Run 1');
    heading('Run 1: post step — its release report is in the step summary');
    show(first.post);
    console.log(`  ${first.post.summary.trim().split('\n').join('\n  ')}`);
    console.log(
      '\n  The fix: tp-c gets a trusted publisher for this workflow. Then "Re-run jobs".',
    );
    world.registry.addPublisher(publisher('tp-c'));
    const second = await run('Run 2');
    heading('Run 2: post step');
    show(second.post);
    console.log(`  ${second.post.summary.trim().split('\n').join('\n  ')}`);

    const leaks = world.leaks(...world.steps);
    // What post's release report leads with, and the warning that names what is not out.
    const answer = (post: StepResult) =>
      post.summary.split('\n').find((line) => /^(✅|⚠️|❌) /u.test(line)) ?? '(no report)';
    const warned = first.post.annotations.some(
      (a) => a.level === 'warning' && a.message.includes('does not list `tp-c` 0.2.0'),
    );
    const reported =
      answer(first.post).startsWith('❌') &&
      answer(first.post).includes('`tp-c` 0.2.0') &&
      warned &&
      answer(second.post).startsWith('✅');
    const summary = [
      `run 1: cargo ${exitCodes[0] === 0 ? 'finished (unexpected)' : 'stopped at tp-c'}; uploads ${world.registry.uploads
        .slice(0, 3)
        .map((u) => `${u.crate} ${u.status === 200 ? 'ok' : `HTTP ${u.status}`}`)
        .join(', ')}`,
      `run 2: unpublished = '${second.main.outputs.unpublished ?? ''}', exclude-published = '${second.main.outputs['exclude-published'] ?? ''}'; cargo ${exitCodes[1] === 0 ? 'finished' : 'FAILED'}`,
      `versions in the index: ${CRATES.map((c) => `${c.name} ${world.registry.versions(c.name).join('/')}`).join(', ')}`,
      `release report, run 1: ${answer(first.post)} (a warning names tp-c: ${warned ? 'yes' : 'NO'})`,
      `release report, run 2: ${answer(second.post)}`,
      `secrets in any step's log or summary: ${leaks.length === 0 ? 'none' : leaks.join('; ')}`,
    ];
    const ok =
      exitCodes[0] !== 0 &&
      exitCodes[1] === 0 &&
      second.main.outputs.unpublished === 'tp-c' &&
      reported &&
      CRATES.every((c) => world.registry.versions(c.name).includes(c.version)) &&
      leaks.length === 0;
    return { summary, ok };
  } finally {
    await workspace.remove();
    await world.stop();
  }
}

console.log(bold('auth-action demo: trusted publishing, end to end, on loopback'));
console.log(
  'The demo sets AUTH_ACTION_TIME_SCALE so that waits and token lives run faster; the action says so\n' +
    'in the first line of each step and of each run of the credential provider ("remove it from the\n' +
    'workflow"): expected here, it is what a workflow that set it by mistake would see.',
);
const outcomes = [await oneCrate(), await longRelease(), await partialRelease()];
heading('Summary');
for (const [i, outcome] of outcomes.entries()) {
  console.log(`  Job ${i + 1}`);
  for (const line of outcome.summary) console.log(`    ${line}`);
}
process.exitCode = outcomes.every((outcome) => outcome.ok) ? 0 : 1;
