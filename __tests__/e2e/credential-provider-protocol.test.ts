import type { Job, StepResult } from '../../rig/runner.js';
import { TIME_SCALE } from '../../rig/world.js';
// `test` here is the TLS world's: skipped, saying why, where openssl is missing (never in CI).
import { tlsTest as test, useCratesIoWorld } from './crates-io-world.js';

/*
 * The provider for crates.io, spoken to as cargo speaks to it: the wrapper main wrote, run with
 * `--cargo-plugin`, one request line on stdin, the hello and one answer on stdout. The
 * registry answers as https://crates.io, through a CONNECT proxy, as in proxy-and-tls.test.ts.
 */
const context = useCratesIoWorld();

const CRATES_IO = {
  'index-url': 'https://github.com/rust-lang/crates.io-index',
  name: 'crates-io',
};

/** What cargo does: run the program named in the variable with `--cargo-plugin`, send one line. */
async function askProvider(
  job: Job,
  wrapper: string,
  request: unknown,
): Promise<{ step: StepResult; hello: unknown; answer: unknown }> {
  const step = await context.world.runCommand(job, wrapper, ['--cargo-plugin'], {
    env: context.viaProxy(),
    input: `${typeof request === 'string' ? request : JSON.stringify(request)}\n`,
    stdoutToCaller: true,
  });
  const [hello, answer] = step.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as unknown);
  return { step, hello, answer };
}

test('for crates.io: CARGO_REGISTRY_CREDENTIAL_PROVIDER, and the protocol as cargo speaks it', async () => {
  const { world, viaProxy } = context;
  const asked: Record<string, Awaited<ReturnType<typeof askProvider>>> = {};
  const { main, post } = await world.runJob({
    with: { url: '', 'credential-provider': 'true' },
    env: viaProxy(),
    between: async (step, job) => {
      const wrapper = step.exported.CARGO_REGISTRY_CREDENTIAL_PROVIDER ?? '';
      const get = (operation: string, registry: unknown = CRATES_IO) => ({
        v: 1,
        registry,
        kind: 'get',
        operation,
        name: 'hello-tp',
        vers: '0.2.0',
      });
      asked.read = await askProvider(job, wrapper, get('read'));
      asked.publish = await askProvider(job, wrapper, get('publish'));
      asked.yank = await askProvider(job, wrapper, get('yank'));
      asked.login = await askProvider(job, wrapper, { v: 1, registry: CRATES_IO, kind: 'login' });
      asked.other = await askProvider(
        job,
        wrapper,
        get('publish', { 'index-url': 'sparse+https://example.com/index/', name: 'other' }),
      );
      asked.garbage = await askProvider(job, wrapper, 'not json');
    },
  });

  expect(main.exitCode).toBe(0);
  expect(Object.keys(main.exported)).toEqual(['CARGO_REGISTRY_CREDENTIAL_PROVIDER']);
  const token = main.outputs.token ?? '';
  for (const name of Object.keys(asked)) {
    expect([name, asked[name]?.step.exitCode, asked[name]?.hello]).toEqual([name, 0, { v: [1] }]);
  }
  // main's token is young: cargo gets it until 20 of its 30 minutes, and asks again before
  // each upload (not operation_independent), so that each is recorded for the report.
  for (const name of ['read', 'publish']) {
    expect(asked[name]?.answer).toEqual({
      Ok: {
        kind: 'get',
        token,
        cache: 'expires',
        expiration: expect.any(Number) as unknown,
        operation_independent: false,
      },
    });
    // Masked in the cargo step's log before the answer.
    expect(asked[name]?.step.rawLog).toContain(`::add-mask::${token}`);
  }
  const { Ok } = asked.read?.answer as { Ok: { expiration: number } };
  const left = Ok.expiration - Date.now() / 1000;
  expect(left).toBeGreaterThan(0);
  expect(left).toBeLessThanOrEqual(20 * 60 * Number(TIME_SCALE));
  expect(Number.isInteger(Ok.expiration)).toBe(true);

  expect(asked.yank?.answer).toEqual({ Err: { kind: 'operation-not-supported' } });
  expect(asked.yank?.step.log.join('\n')).toContain(
    'cargo asked the credential provider for `yank`, which a trusted-publishing token cannot do',
  );
  expect(asked.login?.answer).toEqual({ Err: { kind: 'operation-not-supported' } });
  expect(asked.other?.answer).toEqual({ Err: { kind: 'url-not-supported' } });
  expect(asked.garbage?.answer).toEqual({
    Err: {
      kind: 'other',
      message: expect.stringContaining(
        "auth-action's credential provider could not read cargo's request: it is not JSON.",
      ) as unknown,
    },
  });
  expect(world.registry.issued.size).toBe(1);

  expect(post.exitCode).toBe(0);
  expect(world.registry.isRevoked(token)).toBe(true);
});

test('run by hand, the provider says what it is and exits', async () => {
  const { world, viaProxy } = context;
  let step: StepResult | undefined;
  await world.runJob({
    with: { url: '', 'credential-provider': 'true' },
    env: viaProxy(),
    between: async (main, job) => {
      step = await world.runCommand(
        job,
        main.exported.CARGO_REGISTRY_CREDENTIAL_PROVIDER ?? '',
        [],
      );
    },
  });

  expect(step?.exitCode).toBe(2);
  expect(step?.log.join('\n')).toContain(
    "This is auth-action's cargo credential provider. cargo runs it",
  );
});
