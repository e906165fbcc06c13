// The rig's throwaway CA (rig/tls.ts), made by whichever openssl the machine has: a CA
// certificate and a server certificate Node accepts for the names asked, with nothing of that
// openssl's own configuration read.
import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect, createServer } from 'node:tls';
import { makePki, opensslConfig, opensslVersion, type TestPki } from '../../rig/tls.js';
import { testWithTool } from '../skip.js';
import { removeTreeSync } from '../../rig/remove-tree.js';

const withOpenssl = testWithTool(
  'openssl',
  opensslVersion() !== undefined,
  'the throwaway CA tests',
);

const made: TestPki[] = [];
afterAll(() => {
  for (const pki of made) removeTreeSync(pki.dir);
});

/** makePki with OPENSSL_CONF set as a machine might have it, for openssl to ignore. */
function pkiWith(openSslConf: string | undefined, ...names: [string, ...string[]]): TestPki {
  const before = process.env.OPENSSL_CONF;
  if (openSslConf === undefined) delete process.env.OPENSSL_CONF;
  else process.env.OPENSSL_CONF = openSslConf;
  try {
    const pki = makePki(...names);
    made.push(pki);
    return pki;
  } finally {
    if (before === undefined) delete process.env.OPENSSL_CONF;
    else process.env.OPENSSL_CONF = before;
  }
}

withOpenssl('a CA, and a server certificate it signed for every name asked', () => {
  const pki = pkiWith(undefined, 'crates.io', 'index.crates.io');
  const ca = new X509Certificate(readFileSync(pki.caFile));
  const server = new X509Certificate(pki.cert);

  expect(ca.ca).toBe(true);
  expect(ca.subject).toBe('CN=auth-action test CA');
  expect(server.ca).toBe(false);
  expect(server.subject).toBe('CN=crates.io');
  expect(server.subjectAltName).toBe('DNS:crates.io, DNS:index.crates.io');
  expect(server.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']); // serverAuth
  expect(server.checkIssued(ca)).toBe(true);
  expect(server.verify(ca.publicKey)).toBe(true);
  expect(server.checkHost('index.crates.io')).toBe('index.crates.io');
  expect(server.checkHost('example.com')).toBeUndefined();
});

withOpenssl('a TLS client that trusts only that CA connects, by the second name', async () => {
  const pki = pkiWith(undefined, 'crates.io', 'index.crates.io');
  const server = createServer({ key: pki.key, cert: pki.cert }, (socket) => socket.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  try {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect({
        host: '127.0.0.1',
        port,
        servername: 'index.crates.io',
        ca: readFileSync(pki.caFile),
      });
      let data = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        data += chunk;
      });
      socket.on('end', () => {
        resolve(data);
      });
      socket.on('error', reject);
    });
    expect(answer).toBe('ok');
  } finally {
    await new Promise((resolve) => {
      server.close(resolve);
    });
  }
});

withOpenssl('the machine’s openssl configuration is not read, even a broken one', () => {
  const dir = pkiWith(undefined, 'crates.io').dir;
  const broken = join(dir, 'broken.cnf');
  writeFileSync(broken, '[ unclosed\n');
  for (const conf of [broken, join(dir, 'missing.cnf')]) {
    const pki = pkiWith(conf, 'crates.io');
    expect(new X509Certificate(pki.cert).checkHost('crates.io')).toBe('crates.io');
  }
});

test('the configuration: subject and extensions in sections, nothing on the command line', () => {
  expect(opensslConfig('a b', { basicConstraints: 'critical,CA:TRUE' })).toBe(
    '[ req ]\nprompt = no\ndistinguished_name = subject\n\n[ subject ]\nCN = a b\n\n' +
      '[ extensions ]\nbasicConstraints = critical,CA:TRUE\n',
  );
  expect(() => opensslConfig('x\n[ req ]', {})).toThrow('not a plain value');
  expect(() => opensslConfig('x', { subjectAltName: 'DNS:$ENV::HOME' })).toThrow(
    'not a plain value',
  );
});
