import { makeWorkspace } from '../../rig/cargo.js';
import { ConnectProxy } from '../../rig/proxy.js';
import { expectGaveUp, theError, theWarning } from '../expect-step.js';
// `test` here is the TLS world's: skipped, saying why, where openssl is missing (never in CI).
import { tlsTest as test, useCratesIoWorld } from './crates-io-world.js';

const context = useCratesIoWorld();

test('the default url works through HTTPS_PROXY, with audience crates.io', async () => {
  const { world, proxy, viaProxy } = context;
  const { main, post } = await world.runJob({ with: { url: '' }, env: viaProxy() });

  expect(main.annotations).toEqual([]);
  expect(main.exitCode).toBe(0);
  expect(world.oidc.audiences).toEqual(['crates.io']);
  expect(proxy.connects).toEqual(['crates.io:443', 'crates.io:443']);
  expect(world.registry.isRevoked(main.outputs.token ?? '')).toBe(true);
  expect(post.exitCode).toBe(0);
  expect(world.leaks(main, post)).toEqual([]);
});

test('a certificate the runner does not trust is a clear, unretried failure', async () => {
  const { world, proxy } = context;
  const main = await world.runMain({ with: { url: '' }, env: { HTTPS_PROXY: proxy.url } });

  expect(main.exitCode).toBe(1);
  expect(proxy.connects).toEqual(['crates.io:443']);
  expect(main.annotations).toEqual([
    {
      level: 'error',
      message: expect.stringMatching(
        /^Exchanging the OIDC ID token for a publish token at https:\/\/crates\.io failed: the server's certificate is not trusted \([A-Z_]+\)\. .*NODE_EXTRA_CA_CERTS/,
      ) as unknown,
    },
  ]);
  expect(world.leaks(main)).toEqual([]);
});

test('with `workspace`, crates.io is checked at https://index.crates.io/ through HTTPS_PROXY, before the exchange', async () => {
  const { world, proxy, viaProxy } = context;
  world.trust('tp-io', '0.1.0');
  world.registry.addVersion('tp-io', '0.2.0');
  const ws = await makeWorkspace(`${world.registry.url}/index/`, [
    { name: 'tp-io', version: '0.2.0', publish: null },
    { name: 'Tp2', version: '0.1.0', publish: '["crates-io"]' },
    { name: 'tp-elsewhere', version: '1.0.0', publish: '["local"]' },
  ]);
  world.trust('Tp2', '0.0.1');
  try {
    const main = await world.runMain({
      with: { url: '', workspace: ws.dir },
      env: { ...viaProxy(), RUSTUP_HOME: ws.env.RUSTUP_HOME ?? '', AUTH_ACTION_TIME_SCALE: '0.25' },
    });

    expect(main.annotations).toEqual([]);
    expect(main.exitCode).toBe(0);
    expect(main.outputs.unpublished).toBe('Tp2');
    // tp-elsewhere goes to another registry only: cargo would stop at it (`--registry is
    // required because not all package.publish settings agree`), so it is excluded too.
    expect(main.outputs['exclude-published']).toBe('--exclude tp-io --exclude tp-elsewhere');
    // The index first (its config.json and two files, in parallel), then the exchange.
    expect(proxy.connects.slice(0, 3)).toEqual([
      'index.crates.io:443',
      'index.crates.io:443',
      'index.crates.io:443',
    ]);
    expect(proxy.connects.slice(3)).toEqual(['crates.io:443']);
    // Upper case in a name, lower case in the path; a crate for another registry is not asked.
    expect([...world.registry.indexRequests].sort()).toEqual([
      '3/t/tp2',
      'config.json',
      'tp/-i/tp-io',
    ]);
    expect(main.log.join('\n')).toContain('auth-action: the workspace against crates.io:');
  } finally {
    await ws.remove();
  }
});

test('a proxy that refuses CONNECT: EPROXY, retried like a lost connection, then what to check', async () => {
  const { world, pki } = context;
  const refusing = await new ConnectProxy({}, { refuse: 403 }).start();
  try {
    // A smaller time scale than the rig's: the waits between the tries take 3 s, not 9.
    const env = {
      HTTPS_PROXY: refusing.url,
      NODE_EXTRA_CA_CERTS: pki.caFile,
      AUTH_ACTION_TIME_SCALE: '0.01',
    };
    const main = await world.runMain({ with: { url: '' }, env });

    expect(main.exitCode).toBe(1);
    expect(world.count('exchange')).toBe(0);
    const seen = refusing.connects.length;
    expect(refusing.connects).toEqual(Array(seen).fill('crates.io:443'));
    const eproxy =
      'the proxy did not open a connection to the host (EPROXY): it refused the CONNECT request, or could not be reached. The proxy is the one HTTPS_PROXY (HTTP_PROXY for http) names: check that it runs and allows this host, or list the host in NO_PROXY.';
    const error = theError(main);
    if (error.includes('did not finish within its')) {
      // A loaded machine: the budget (3 s at this scale) ran out while the next try fetched its
      // fresh ID token, after the retry line that announced it. Still EPROXY, said as the last failure.
      expect(
        main.log.filter((line) => /\(attempt \d of 5\); next try in /.test(line)),
      ).toHaveLength(seen);
      expect(error).toBe(
        `Exchanging the OIDC ID token for a publish token at https://crates.io did not finish within its 3 s budget (after ${seen} attempts). The last failure: Exchanging the OIDC ID token for a publish token at https://crates.io failed: ${eproxy}`,
      );
    } else {
      expectGaveUp(main, error, seen, 2);
      expect(error).toBe(
        `Exchanging the OIDC ID token for a publish token at https://crates.io failed (after ${seen} attempts): ${eproxy}`,
      );
    }
    expect(world.leaks(main)).toEqual([]);
  } finally {
    await refusing.stop();
  }
});

test('post, when the proxy refuses CONNECT: a warning that says EPROXY, and the job passes', async () => {
  const { world, pki, viaProxy } = context;
  const refusing = await new ConnectProxy({}, { refuse: 407 }).start();
  try {
    const main = await world.runMain({ with: { url: '' }, env: viaProxy() });
    const post = await world.runPost(main.state, {
      env: { HTTPS_PROXY: refusing.url, NODE_EXTRA_CA_CERTS: pki.caFile },
    });

    expect(post.exitCode).toBe(0);
    expect(world.count('revoke')).toBe(0);
    expect(theWarning(post)).toMatch(
      /^Revoking the publish token at https:\/\/crates\.io failed \(after \d attempts\): the proxy did not open a connection to the host \(EPROXY\)/,
    );
    expect(world.registry.isRevoked(main.outputs.token ?? '')).toBe(false);
    expect(world.leaks(main, post)).toEqual([]);
  } finally {
    await refusing.stop();
  }
});
