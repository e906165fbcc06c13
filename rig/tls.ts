import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPki {
  dir: string;
  /** Give this to the action as NODE_EXTRA_CA_CERTS. */
  caFile: string;
  key: string;
  cert: string;
}

/** Whether openssl, which makes the throwaway CA, is on this machine, and its version. */
export function opensslVersion(): string | undefined {
  const result = spawnSync('openssl', ['version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** The section of a certificate's extensions in the configuration `opensslConfig` writes. */
export const EXTENSIONS = 'extensions';

/**
 * A whole openssl configuration for one certificate: its subject and its extensions. Each
 * command gets one (`-config`, and OPENSSL_CONF for the commands that read only that), so the
 * default configuration of whichever openssl comes first on PATH (Git's MSYS or mingw build
 * on Windows, Homebrew's or the system's LibreSSL on macOS) is never read, whatever it holds
 * or wherever it is missing. The subject is here, not in `-subj /CN=...` (a leading `/` that
 * an MSYS shell turns into a path), and so are the extensions, not in `-addext` (LibreSSL has
 * it only since 3.1): config-file sections are read alike by OpenSSL 1.1, 3.x and LibreSSL.
 */
export function opensslConfig(commonName: string, extensions: Record<string, string>): string {
  const plain = /^[\w .:,=-]+$/;
  for (const value of [commonName, ...Object.entries(extensions).flat()]) {
    if (!plain.test(value)) throw new Error(`not a plain value for an openssl config: ${value}`);
  }
  return [
    '[ req ]',
    'prompt = no',
    'distinguished_name = subject',
    '',
    '[ subject ]',
    `CN = ${commonName}`,
    '',
    `[ ${EXTENSIONS} ]`,
    ...Object.entries(extensions).map(([name, value]) => `${name} = ${value}`),
    '',
  ].join('\n');
}

/**
 * A throwaway CA and a certificate it signed for `hostname` (and any `others`: crates.io and
 * index.crates.io, say), made with openssl at test time. An IPv4 address (127.0.0.1, for a
 * server reached without a name) goes into the certificate as an IP address.
 */
export function makePki(hostname: string, ...others: string[]): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'auth-action-pki-'));
  const file = (name: string) => join(dir, name);
  const openssl = (config: string, ...args: string[]) => {
    try {
      execFileSync('openssl', args, {
        stdio: 'pipe',
        env: { ...process.env, OPENSSL_CONF: config },
      });
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
      throw new Error(
        `openssl ${args[0]} failed (${opensslVersion() ?? 'no version'}): ${stderr || String(error)}`,
      );
    }
  };
  writeFileSync(
    file('ca.cnf'),
    opensslConfig('auth-action test CA', {
      basicConstraints: 'critical,CA:TRUE',
      keyUsage: 'critical,keyCertSign,cRLSign',
      subjectKeyIdentifier: 'hash',
    }),
  );
  writeFileSync(
    file('server.cnf'),
    opensslConfig(hostname, {
      basicConstraints: 'critical,CA:FALSE',
      keyUsage: 'critical,digitalSignature,keyEncipherment',
      extendedKeyUsage: 'serverAuth',
      subjectAltName: [hostname, ...others]
        .map((name) => (/^\d+\.\d+\.\d+\.\d+$/.test(name) ? `IP:${name}` : `DNS:${name}`))
        .join(','),
      subjectKeyIdentifier: 'hash',
      authorityKeyIdentifier: 'keyid',
    }),
  );
  // -nodes: the keys are not encrypted (OpenSSL 3 also spells it -noenc; LibreSSL only -nodes).
  openssl(
    file('ca.cnf'),
    ...['req', '-x509', '-config', file('ca.cnf'), '-extensions', EXTENSIONS],
    ...['-newkey', 'rsa:2048', '-nodes', '-days', '2'],
    ...['-keyout', file('ca.key'), '-out', file('ca.pem')],
  );
  openssl(
    file('server.cnf'),
    ...['req', '-new', '-config', file('server.cnf'), '-newkey', 'rsa:2048', '-nodes'],
    ...['-keyout', file('server.key'), '-out', file('server.csr')],
  );
  openssl(
    file('server.cnf'),
    ...['x509', '-req', '-in', file('server.csr'), '-days', '2'],
    ...['-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial'],
    ...['-extfile', file('server.cnf'), '-extensions', EXTENSIONS, '-out', file('server.pem')],
  );
  return {
    dir,
    caFile: file('ca.pem'),
    key: readFileSync(file('server.key'), 'utf8'),
    cert: readFileSync(file('server.pem'), 'utf8'),
  };
}
