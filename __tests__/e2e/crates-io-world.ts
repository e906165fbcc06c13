// A registry that answers as https://crates.io, with a certificate from a throwaway CA, reached
// only through an HTTP CONNECT proxy as on a self-hosted runner. Fresh for each test.
import { IndexHost } from '../../rig/index-host.js';
import { ConnectProxy } from '../../rig/proxy.js';
import { makePki, opensslVersion, type TestPki } from '../../rig/tls.js';
import { testWithTool } from '../skip.js';
import { World } from '../../rig/world.js';
import { removeTreeSync } from '../../rig/remove-tree.js';

export interface CratesIoWorld {
  world: World;
  proxy: ConnectProxy;
  pki: TestPki;
  /** The registry's index at https://index.crates.io/, through the same proxy. */
  index: IndexHost;
  /** The proxy and the CA for a step's env. */
  viaProxy: () => Record<string, string>;
}

const openssl = opensslVersion() !== undefined;

/** The tests of this world: they need openssl for the CA (Linux and macOS have it, and Windows images too). */
export const tlsTest = testWithTool('openssl', openssl, 'the tests through TLS and a proxy');

export function useCratesIoWorld(): CratesIoWorld {
  // Filled in by the hooks below, before any test reads it.
  const context = {
    viaProxy: () => ({ HTTPS_PROXY: context.proxy.url, NODE_EXTRA_CA_CERTS: context.pki.caFile }),
  } as unknown as CratesIoWorld;
  if (!openssl) return context;
  beforeAll(() => {
    context.pki = makePki('crates.io', 'index.crates.io');
  });
  afterAll(() => {
    removeTreeSync(context.pki.dir);
  });
  beforeEach(async () => {
    context.world = await World.start({
      tls: { key: context.pki.key, cert: context.pki.cert },
      publicOrigin: 'https://crates.io',
    });
    context.index = await new IndexHost(context.world.registry, {
      key: context.pki.key,
      cert: context.pki.cert,
    }).start();
    context.proxy = await new ConnectProxy({
      'crates.io:443': context.world.registry.listenPort,
      'index.crates.io:443': context.index.listenPort,
    }).start();
  });
  afterEach(async () => {
    await context.proxy.stop();
    await context.index.stop();
    await context.world.stopAndCheckLeaks();
  });
  return context;
}
