// `npm run demo`: the whole flow on this machine, as a workflow run would go. GitHub's OIDC
// service and a crates.io-like registry run on loopback; the bundled action runs under Node 24
// as the runner runs it; cargo publishes with the token; the post step revokes it.
import { cargoPublish, cargoVersion } from '../rig/cargo.js';
import type { StepResult } from '../rig/runner.js';
import { CRATE, World } from '../rig/world.js';

const bold = (text: string) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
const heading = (text: string) => {
  console.log(`\n${bold(`▶ ${text}`)}`);
};
const show = (step: StepResult) => {
  for (const line of step.log) console.log(`  | ${line}`);
};

const world = await World.start();
const summary: string[] = [];
try {
  console.log(bold('auth-action demo: trusted publishing, end to end, on loopback'));
  console.log(
    `  GitHub OIDC service  ${world.oidc.origin} (RS256 JWTs for ${world.oidc.run.repository}, workflow ${world.oidc.run.workflowFile})`,
  );
  console.log(
    `  cargo registry       ${world.registry.url} (trusts that repository and workflow for crate \`${CRATE}\`, which has 0.1.0)`,
  );

  const cargo = cargoVersion();
  const publish = { ok: false };
  const { main, post } = await world.runJob({
    between: async (step) => {
      heading('Step `uses: org/auth-action@v1` (main) — the log as GitHub shows it');
      show(step);
      console.log(
        `  outputs.token = ${step.masks.includes(step.outputs.token ?? '') ? '*** (masked)' : 'NOT MASKED'}`,
      );
      console.log(`  step summary: ${step.summary.trim()}`);
      heading('Step `run: cargo publish` with CARGO_REGISTRY_TOKEN = steps.auth.outputs.token');
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
  summary.push(
    `main: exit ${main.exitCode ?? 'killed'}, token output masked: ${main.masks.includes(token) ? 'yes' : 'NO'}`,
  );
  summary.push(
    cargo === undefined
      ? 'cargo publish: skipped (cargo not installed)'
      : `cargo publish: ${publish.ok ? 'ok' : 'FAILED'}; versions of ${CRATE} in the index: ${world.registry.versions(CRATE).join(', ')}`,
  );
  summary.push(
    `post: exit ${post.exitCode ?? 'killed'}, token revoked at the registry: ${world.registry.isRevoked(token) ? 'yes' : 'NO'}`,
  );
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
    summary.push(
      `publish with the revoked token: ${again.code === 0 ? 'ACCEPTED (wrong)' : 'refused'}`,
    );
  }
  const leaks = world.leaks(main, post);
  summary.push(
    `secrets in the log or step summary: ${leaks.length === 0 ? 'none' : leaks.join('; ')}`,
  );

  heading('Summary');
  for (const line of summary) console.log(`  ${line}`);
  const ok =
    main.exitCode === 0 &&
    post.exitCode === 0 &&
    leaks.length === 0 &&
    world.registry.isRevoked(token);
  process.exitCode = ok && (cargo === undefined || publish.ok) ? 0 : 1;
} finally {
  await world.stop();
}
