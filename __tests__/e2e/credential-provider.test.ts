import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { theError, theWarning } from '../expect-step.js';
import { Job } from '../../rig/runner.js';
import { PROVIDER_DIR_PREFIX } from '../../src/provider/files.js';
import { recordFiles, recordToken } from '../../src/provider/token-record.js';
import { testExceptOn } from '../skip.js';
import { World } from '../../rig/world.js';
import { removeTree } from '../../rig/remove-tree.js';

let world: World;
beforeEach(async () => {
  world = await World.start();
});
afterEach(() => world.stopAndCheckLeaks());

const provider = { 'credential-provider': 'true', 'registry-name': 'local' };
const mode = async (path: string) => ((await stat(path)).mode & 0o777).toString(8);

test('without the input nothing of cargo is configured', async () => {
  let runnerTemp: string[] = [];
  const { main, post } = await world.runJob({
    between: async (_main, job) => {
      runnerTemp = await readdir(job.runnerTemp);
    },
  });

  expect(main.exitCode).toBe(0);
  expect(main.exported).toEqual({});
  expect(Object.keys(main.state).sort()).toEqual(['registryUrl', 'revoke', 'token']);
  expect(runnerTemp).toEqual([]);
  // Beside the line that says the rig's time scale is in effect.
  expect(post.log.filter((line) => !line.startsWith('AUTH_ACTION_TIME_SCALE'))).toEqual([
    `Revoked the publish token at ${world.registry.url}.`,
  ]);
});

const onWindows = process.platform === 'win32';

testExceptOn(
  ['win32'],
  'Windows has no POSIX modes (access is by ACL, and Node ignores the mode bits there), so the 0700/0600 test does not apply',
)('the provider lives in a folder of its own: 0700, its files 0600, its wrapper 0700', async () => {
  const seen: Record<string, string> = {};
  const { main } = await world.runJob({
    with: provider,
    between: async (step, job) => {
      const wrapper = step.exported.CARGO_REGISTRIES_LOCAL_CREDENTIAL_PROVIDER ?? '';
      const [folder = ''] = await readdir(job.runnerTemp);
      const dir = join(job.runnerTemp, folder);
      seen.folder = await mode(dir);
      for (const file of await readdir(dir)) seen[file] = await mode(join(dir, file));
      seen.wrapperInFolder = String(wrapper.startsWith(`${dir}${sep}`));
    },
  });

  expect(main.exitCode).toBe(0);
  expect(seen).toEqual({
    folder: '700',
    'cargo-credential-auth-action': '700',
    'config.json': '600',
    minted: '600',
    'tokens.jsonl': '600',
    wrapperInFolder: 'true',
  });
  expect(main.log).toContain(
    "Got a publish token: it is in the `token` output, and cargo's credential provider is set up for the rest of the job (CARGO_REGISTRIES_LOCAL_CREDENTIAL_PROVIDER): each upload gets a live token, every token is revoked when the job ends.",
  );
});

test('the wrapper is the one this system runs: a .cmd on Windows, a #! script elsewhere', async () => {
  const seen: { wrapper?: string; files?: string[]; text?: string } = {};
  const { main } = await world.runJob({
    with: provider,
    between: async (step, job) => {
      seen.wrapper = step.exported.CARGO_REGISTRIES_LOCAL_CREDENTIAL_PROVIDER ?? '';
      const [folder = ''] = await readdir(job.runnerTemp);
      seen.files = (await readdir(join(job.runnerTemp, folder))).sort();
      seen.text = await readFile(seen.wrapper, 'utf8');
    },
  });

  expect(main.exitCode).toBe(0);
  const name = onWindows ? 'cargo-credential-auth-action.cmd' : 'cargo-credential-auth-action';
  expect(seen.files).toEqual([name, 'config.json', 'minted', 'tokens.jsonl']);
  expect(seen.wrapper?.endsWith(`${sep}${name}`)).toBe(true);
  expect(seen.text?.startsWith(onWindows ? '@echo off\r\n' : '#!/bin/sh\n')).toBe(true);
});

test('a url other than crates.io without registry-name is refused, naming the input', async () => {
  const main = await world.runMain({ with: { 'credential-provider': 'true' } });

  expect(main.exitCode).toBe(1);
  expect(theError(main)).toBe(
    `The \`registry-name\` input is needed: \`credential-provider\` is on and \`url\` (${world.registry.url}) is not crates.io, so the provider needs cargo's name for that registry: the NAME of \`[registries.NAME]\` in its configuration, as in \`cargo publish --registry NAME\`. Fix it in the step's \`with:\`.`,
  );
  expect(world.oidc.requests).toBe(0);
  expect(main.exported).toEqual({});
});

test.each([
  ['crates-io', '`crates-io` is crates.io, which needs no name'],
  ['my registry', 'letters, digits, `-` and `_`'],
])('registry-name %s is refused', async (name, problem) => {
  const main = await world.runMain({ with: { ...provider, 'registry-name': name } });

  expect(theError(main)).toContain(problem);
  expect(world.oidc.requests).toBe(0);
});

test('registry-name without credential-provider: a warning, and the token as before', async () => {
  const main = await world.runMain({ with: { 'registry-name': 'local' } });

  expect(main.exitCode).toBe(0);
  expect(theWarning(main)).toContain(
    'The `registry-name` input does nothing without `credential-provider: true`',
  );
  expect(main.exported).toEqual({});
});

test('a RUNNER_TEMP with a space is refused before any token is minted', async () => {
  // An absolute path on this system: a drive letter on Windows.
  const spaced = onWindows ? 'C:\\a\\with space' : '/runner/with space';
  const main = await world.runMain({ with: provider, env: { RUNNER_TEMP: spaced } });

  expect(main.exitCode).toBe(1);
  expect(theError(main)).toBe(
    `The runner's RUNNER_TEMP (\`${spaced}\`) contains a space, and cargo splits a credential provider's path at spaces, so the step stopped before any request. Run the job on a runner whose work folder has no space in its path (and, on Windows, only ASCII characters), or turn \`credential-provider\` off and give cargo the \`token\` output.`,
  );
  expect(world.oidc.requests).toBe(0);
  expect(world.registry.issued.size).toBe(0);
});

test('a RUNNER_TEMP that cannot be written fails the step before any token is minted', async () => {
  const { main, post } = await world.runJob({
    with: provider,
    env: { RUNNER_TEMP: join(tmpdir(), 'auth-action-nonexistent', 'temp') },
  });

  expect(main.exitCode).toBe(1);
  expect(theError(main)).toMatch(
    /^The runner's RUNNER_TEMP folder could not be written or read \(ENOENT\)\. /,
  );
  expect(world.oidc.requests).toBe(0);
  expect(world.registry.issued.size).toBe(0);
  expect(post.log).toEqual(['No token to revoke: the main step did not get one.']);
});

test('revoke: false keeps every token, and post still removes the provider', async () => {
  let runnerTemp: string[] = [];
  const { main, post } = await world.runJob({
    with: { ...provider, revoke: 'false' },
    between: async (_main, job) => {
      runnerTemp = await readdir(job.runnerTemp);
    },
  });

  expect(main.exitCode).toBe(0);
  expect(runnerTemp).toHaveLength(1);
  expect(post.log).toEqual([
    'Not revoking the tokens (`revoke: false`): each expires on its own 30 minutes after it was issued.',
  ]);
  expect(world.count('revoke')).toBe(0);
  expect(world.registry.isAlive(main.outputs.token ?? '')).toBe(true);
});

test('post leaves alone a folder that state names outside RUNNER_TEMP', async () => {
  const main = await world.runMain({ with: provider });
  const elsewhere = await mkdtemp(join(tmpdir(), 'auth-action-provider-'));
  try {
    await mkdir(join(elsewhere, 'keep'));
    await writeFile(join(elsewhere, 'tokens.jsonl'), '');
    const post = await world.runPost({ ...main.state, providerDir: elsewhere });

    expect(post.exitCode).toBe(0);
    expect(await readdir(elsewhere)).toEqual(['keep', 'tokens.jsonl']);
    expect(world.registry.isRevoked(main.outputs.token ?? '')).toBe(true);
  } finally {
    await removeTree(elsewhere);
  }
});

test('post leaves a folder in RUNNER_TEMP that main would not have named so where it is', async () => {
  const job = await Job.start();
  try {
    const main = await job.runAction('main', world.step({ with: provider }));
    // A later step's folder, named by a tampered state. Post may read a record wherever state
    // says (its tokens go only to the registry), but deletes only a folder main made.
    const other = join(job.runnerTemp, 'build-cache');
    await mkdir(other);
    await writeFile(join(other, 'notes.txt'), 'kept');
    const post = await job.runAction('post', {
      ...world.step({ with: provider }),
      stateIn: { ...main.state, providerDir: other },
    });
    world.steps.push(main, post);

    expect(main.exitCode).toBe(0);
    expect(post.exitCode).toBe(0);
    expect(world.registry.isRevoked(main.outputs.token ?? '')).toBe(true);
    expect(await readdir(other)).toEqual(['notes.txt']);
    expect(await readFile(join(other, 'notes.txt'), 'utf8')).toBe('kept');
  } finally {
    await job.end();
  }
});

test('post revokes every token in the record, main’s and those minted for cargo, each once', async () => {
  // Tokens the provider would have minted for cargo in a long release, minted here by the main
  // steps of other jobs and recorded as the provider records them: no cargo needed.
  const forCargo: string[] = [];
  for (let i = 0; i < 2; i++) {
    const other = await world.runMain({ with: { revoke: 'false' } });
    forCargo.push(other.outputs.token ?? '');
  }
  const { main, post } = await world.runJob({
    with: provider,
    between: async (_main, job) => {
      const [dir = ''] = (await readdir(job.runnerTemp)).filter((name) =>
        name.startsWith(PROVIDER_DIR_PREFIX),
      );
      const files = recordFiles(join(job.runnerTemp, dir));
      forCargo.forEach((token, i) => {
        recordToken(files, 2 + i, { token, mintedAt: Date.now() });
      });
    },
  });

  const tokens = [main.outputs.token ?? '', ...forCargo];
  expect(new Set(tokens).size).toBe(3);
  expect(post.exitCode).toBe(0);
  expect(post.annotations).toEqual([]);
  // main's masked before anything else is written; each of the others before it is sent.
  expect(post.rawLog[0]).toBe(`::add-mask::${tokens[0] ?? ''}`);
  expect(post.rawLog.filter((line) => line.startsWith('::add-mask::'))).toEqual(
    tokens.map((token) => `::add-mask::${token}`),
  );
  expect(post.log).toContain(
    `Revoked 3 of the 3 publish tokens this job minted at ${world.registry.url} (for this step and for cargo).`,
  );
  expect(world.count('revoke')).toBe(3);
  expect(tokens.filter((token) => !world.registry.isRevoked(token))).toEqual([]);
});
