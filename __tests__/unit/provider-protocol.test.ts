import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnable } from '../../rig/platform.js';
import { testExceptOn } from '../skip.js';
import {
  providerHome,
  providerVariable,
  wrapperFile,
  type ProviderProgram,
} from '../../src/provider/install-provider.js';
import { errorAnswer, HELLO, parseRequest, tokenAnswer } from '../../src/provider/protocol.js';
import { handOutUntil, tokenLife } from '../../src/provider/token-life.js';
import { ActionFailure } from '../../src/errors/failure.js';
import { removeTreeSync } from '../../rig/remove-tree.js';

test('the hello and the answers, as cargo 1.74+ reads them', () => {
  expect(HELLO).toBe('{"v":[1]}\n');
  expect(tokenAnswer('cio_tp_x', 1_700_000_123.9)).toBe(
    '{"Ok":{"kind":"get","token":"cio_tp_x","cache":"expires","expiration":1700000123,"operation_independent":false}}\n',
  );
  expect(errorAnswer('url-not-supported')).toBe('{"Err":{"kind":"url-not-supported"}}\n');
  expect(errorAnswer('other', 'why')).toBe('{"Err":{"kind":"other","message":"why"}}\n');
});

test('cargo’s requests: get with its operation, other kinds, and what is not a request', () => {
  const registry = {
    'index-url': 'https://github.com/rust-lang/crates.io-index',
    name: 'crates-io',
  };
  expect(
    parseRequest(
      JSON.stringify({
        v: 1,
        registry,
        kind: 'get',
        operation: 'publish',
        name: 'a',
        vers: '1.0.0',
        cksum: 'x',
      }),
    ),
  ).toEqual({
    ok: true,
    request: {
      kind: 'get',
      operation: 'publish',
      crate: 'a',
      version: '1.0.0',
      registry: { indexUrl: registry['index-url'], name: 'crates-io' },
    },
  });
  expect(
    parseRequest(JSON.stringify({ v: 1, registry: { 'index-url': 'x' }, kind: 'logout' })),
  ).toEqual({
    ok: true,
    request: { kind: 'other', requestKind: 'logout', registry: { indexUrl: 'x', name: undefined } },
  });
  expect(
    parseRequest('{"v":2,"registry":{"index-url":"x"},"kind":"get","operation":"read"}'),
  ).toEqual({
    ok: false,
    problem: 'it is not protocol version 1',
  });
  expect(parseRequest('[]')).toEqual({ ok: false, problem: 'it is not a JSON object' });
  expect(parseRequest('{"v":1,"kind":"get"}')).toEqual({
    ok: false,
    problem: 'it names no registry index',
  });
  expect(parseRequest('{"v":1,"registry":{"index-url":"x"},"kind":"get"}')).toEqual({
    ok: false,
    problem: 'it has no `operation`',
  });
});

test('the variable: crates.io’s own, or the named registry’s, as cargo spells it', () => {
  expect(providerVariable({ kind: 'crates-io' })).toBe('CARGO_REGISTRY_CREDENTIAL_PROVIDER');
  expect(providerVariable({ kind: 'named', name: 'my-registry_2' })).toBe(
    'CARGO_REGISTRIES_MY_REGISTRY_2_CREDENTIAL_PROVIDER',
  );
});

const program = (platform: NodeJS.Platform, node: string, script: string): ProviderProgram => ({
  node,
  script,
  platform,
});

test('the sh wrapper quotes every path and passes cargo’s arguments on', () => {
  const wrapper = wrapperFile(
    program('linux', "/opt/it's node/bin/node", '/a/dist/provider.js'),
    '/t/c.json',
  );
  expect(wrapper.name).toBe('cargo-credential-auth-action');
  expect(wrapper.text).toBe(
    "#!/bin/sh\n# auth-action's cargo credential provider for this job, written by its main step.\n" +
      `exec '/opt/it'\\''s node/bin/node' '/a/dist/provider.js' '/t/c.json' "$@"\n`,
  );
});

testExceptOn(
  ['win32'],
  'Windows has no sh for the #! wrapper (the .cmd one is run below, and under cargo end to end)',
)('the sh wrapper runs, by sh itself, what it names: the quoting holds', () => {
  const dir = mkdtempSync(join(tmpdir(), "auth-action wrapper '"));
  try {
    const echo = join(dir, "print 'args'.sh");
    writeFileSync(echo, '#!/bin/sh\nprintf "%s|" "$@"\n', { mode: 0o700 });
    const wrapper = wrapperFile(
      program('linux', echo, join(dir, 'p $HOME.js')),
      join(dir, 'c`x`.json'),
    );
    const path = join(dir, wrapper.name);
    writeFileSync(path, wrapper.text, { mode: 0o700 });
    // cargo's arguments arrive as they were given: not split at spaces, not globbed.
    const args = ['--cargo-plugin', 'two words', '*', '$HOME'];
    expect(execFileSync(path, args, { encoding: 'utf8', cwd: dir })).toBe(
      `${join(dir, 'p $HOME.js')}|${join(dir, 'c`x`.json')}|--cargo-plugin|two words|*|$HOME|`,
    );
  } finally {
    removeTreeSync(dir);
  }
});

testExceptOn(
  ['linux', 'darwin'],
  'only Windows has cmd.exe to run the .cmd wrapper (its text is checked on every system below)',
)('the cmd wrapper runs, by cmd.exe itself, what it names: spaces, %, & and ^ hold', () => {
  const dir = mkdtempSync(join(tmpdir(), 'auth-action wrapper & 100% ^x '));
  try {
    const script = join(dir, 'p %PATH% & x.js');
    writeFileSync(script, "process.stdout.write(process.argv.slice(2).join('|') + '|');\n");
    const config = join(dir, 'c 100%.json');
    const wrapper = wrapperFile(program('win32', process.execPath, script), config);
    const path = join(dir, wrapper.name);
    writeFileSync(path, wrapper.text);
    const how = spawnable('win32', path, ['--cargo-plugin'], process.env);
    const ran = spawnSync(how.command, how.args, {
      encoding: 'utf8',
      windowsVerbatimArguments: how.windowsVerbatimArguments,
    });
    expect([ran.status, ran.stdout]).toEqual([0, `${config}|--cargo-plugin|`]);
  } finally {
    removeTreeSync(dir);
  }
});

test('the cmd wrapper for Windows runners: quoted, % doubled, CRLF, arguments passed on', () => {
  const wrapper = wrapperFile(
    program(
      'win32',
      'C:\\hostedtoolcache\\node 24\\node.exe',
      'D:\\a\\_actions\\org\\auth-action\\v1\\dist\\provider.js',
    ),
    'D:\\a\\_temp\\auth-action-provider-x\\100%.json',
  );
  expect(wrapper.name).toBe('cargo-credential-auth-action.cmd');
  expect(wrapper.text).toBe(
    "@echo off\r\nrem auth-action's cargo credential provider for this job, written by its main step.\r\n" +
      '"C:\\hostedtoolcache\\node 24\\node.exe" "D:\\a\\_actions\\org\\auth-action\\v1\\dist\\provider.js" "D:\\a\\_temp\\auth-action-provider-x\\100%%.json" %*\r\n',
  );
});

const refusal = (use: () => unknown): unknown => {
  try {
    use();
  } catch (error) {
    return error instanceof ActionFailure ? error.failure : error;
  }
  return undefined;
};

test('RUNNER_TEMP: where cargo can split the wrapper’s path, or refused', () => {
  const linux = program('linux', '/opt/node/bin/node', '/a/dist/provider.js');
  expect(providerHome('/home/runner/work/_temp', linux)).toBe('/home/runner/work/_temp');
  // The shell reads UTF-8: on Linux and macOS only spaces matter.
  expect(providerHome('/home/rünner/_temp', linux)).toBe('/home/rünner/_temp');
  for (const bad of [undefined, '', 'relative/temp', '/home/my runner/_temp', '/home/tab\there']) {
    expect(refusal(() => providerHome(bad, linux))).toMatchObject({
      kind: 'bad-environment',
      variable: 'RUNNER_TEMP',
    });
  }
});

test('on Windows every path in the .cmd wrapper is ASCII, or refused before anything is minted', () => {
  const windows = (node: string, script: string) => program('win32', node, script);
  const ok = windows('C:\\node\\node.exe', 'D:\\a\\_actions\\provider.js');
  expect(providerHome('D:\\a\\_temp', ok)).toBe('D:\\a\\_temp');
  expect(refusal(() => providerHome('D:\\Jürgen\\_temp', ok))).toMatchObject({
    variable: 'RUNNER_TEMP',
  });
  const node = windows('C:\\Users\\Jürgen\\node.exe', 'D:\\p.js');
  expect(refusal(() => providerHome('D:\\a\\_temp', node))).toMatchObject({
    variable: 'node executable',
  });
  const script = windows('C:\\node.exe', 'D:\\Jürgen\\p.js');
  expect(refusal(() => providerHome('D:\\a\\_temp', script))).toMatchObject({
    variable: 'action folder',
  });
});

test('a token is handed out for its first 20 of 30 minutes, scaled like the waits', () => {
  expect(handOutUntil(tokenLife(), 1_000)).toBe(1_000 + 20 * 60_000);
  expect(handOutUntil(tokenLife(0.01), 0)).toBe(12_000);
  expect(tokenLife(0.01)).toEqual({ lifeMs: 18_000, uploadRoomMs: 6_000 });
});
