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
