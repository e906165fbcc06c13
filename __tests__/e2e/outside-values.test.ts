/*
 * Values from outside reach the log only through the one flattening rule: an ID token claim
 * (or a registry's words echoing one) with a line break and `::error ...`, or the runner's
 * legacy `##[error]` form anywhere in a line, must never become a workflow command, in main's
 * log (stdout) or in the provider's (stderr of the step that runs cargo).
 */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StepResult } from '../../rig/runner.js';
import { World } from '../../rig/world.js';
import { neverLoggedIn } from '../never-logged.js';

let world: World;
beforeEach(async () => {
  world = await World.start();
});
afterEach(() => world.stopAndCheckLeaks());

/** A run whose claims carry commands; its owner ID is not the configured one, so it is refused. */
function hostileRun(): void {
  Object.assign(world.oidc.run, {
    repositoryOwnerId: '42\n::warning::from repository_owner_id',
    ref: 'refs/tags/v1\n::error title=pwned::from the ref claim',
    environment: 'prod\r\n  ::add-mask::***\u2028##[error]legacy form from environment',
    jobWorkflowRef: 'x/y/.github/workflows/r.yml@main ##[stop-commands]tok',
    // Trojan Source: text that reads otherwise than it is written, and invisible text.
    eventName: 'push\u202e\u2066 // admin\u2069\u061c\u200b\ufeff\u{e0041}\u{e0042}',
  });
}

test('main: the claims block shows hostile claims on their own lines, never as commands', async () => {
  hostileRun();

  const main = await world.runMain();

  expect(main.exitCode).toBe(1);
  // One error annotation (the step's failure) and the masks: nothing a claim brought.
  expect(main.commands.filter((c) => c !== 'add-mask')).toEqual(['error']);
  expect(main.annotations.map((a) => a.level)).toEqual(['error']);
  const log = main.log.join('\n');
  expect(log).toContain('  ✗ Repository owner ID (`repository_owner_id`): 42 ::warning::from');
  expect(log).toContain('Ref (`ref`): refs/tags/v1 ::error title=pwned::from the ref claim');
  expect(log).toContain('## [error]legacy form from environment');
  expect(log).not.toContain('##[');
  // Not a character from the tests' list in any line the process printed, nor in the summary.
  expect(main.rawLog.flatMap(neverLoggedIn)).toEqual([]);
  expect(main.summary.split('\n').flatMap(neverLoggedIn)).toEqual([]);
  expect(log).toContain('push  // admin ');
});

test('provider: the same claims in cargo’s step log (stderr) are no commands either', async () => {
  let asked: StepResult | undefined;
  await world.runJob({
    with: { 'credential-provider': 'true', 'registry-name': 'local' },
    between: async (main, job) => {
      // The provider mints (the record is emptied) for a run whose claims are hostile.
      const [folder = ''] = await readdir(job.runnerTemp);
      await writeFile(join(job.runnerTemp, folder, 'tokens.jsonl'), '');
      hostileRun();
      asked = await world.runCommand(
        job,
        main.exported.CARGO_REGISTRIES_LOCAL_CREDENTIAL_PROVIDER ?? '',
        ['--cargo-plugin'],
        {
          input: `${JSON.stringify({
            v: 1,
            registry: { 'index-url': `sparse+${world.registry.url}/index/`, name: 'local' },
            kind: 'get',
            operation: 'publish',
            name: 'hello-tp',
            vers: '0.2.0',
          })}\n`,
          stdoutToCaller: true,
        },
      );
    },
  });

  expect(asked?.exitCode).toBe(0);
  expect(asked?.stdout).toContain('"Err"');
  expect(asked?.commands.filter((c) => c !== 'add-mask')).toEqual([]);
  expect(asked?.annotations).toEqual([]);
  expect(asked?.log.join('\n')).toContain('Ref (`ref`): refs/tags/v1 ::error title=pwned::');
  expect(asked?.rawLog.flatMap(neverLoggedIn)).toEqual([]);
});
