import { jest } from '@jest/globals';
import type { Spied } from 'jest-mock';
import { baseEnvironment, rustupHome, spawnable } from '../../rig/platform.js';
import { heredocDelimiters, Job, parseFileCommands } from '../../rig/runner.js';
import { testExceptOn, testWithTool } from '../skip.js';

const windowsEnv = {
  Path: 'C:\\Windows\\system32;C:\\Users\\runneradmin\\.cargo\\bin',
  SystemRoot: 'C:\\Windows',
  ComSpec: 'C:\\Windows\\system32\\cmd.exe',
  USERPROFILE: 'C:\\Users\\runneradmin',
  TEMP: 'C:\\Users\\RUNNER~1\\AppData\\Local\\Temp',
  GITHUB_TOKEN: 'not for the rig',
};

test('Windows: PATH whatever its case, and the variables node and cargo need to start', () => {
  expect(baseEnvironment('win32', windowsEnv)).toEqual({
    PATH: windowsEnv.Path,
    SystemRoot: 'C:\\Windows',
    ComSpec: 'C:\\Windows\\system32\\cmd.exe',
    USERPROFILE: 'C:\\Users\\runneradmin',
    TEMP: 'C:\\Users\\RUNNER~1\\AppData\\Local\\Temp',
  });
});

test('Linux and macOS: PATH only, with a fallback', () => {
  expect(baseEnvironment('linux', { PATH: '/usr/bin', SystemRoot: 'x', HOME: '/h' })).toEqual({
    PATH: '/usr/bin',
  });
  expect(baseEnvironment('darwin', {})).toEqual({ PATH: '/usr/bin:/bin' });
});

test('rustup’s home: RUSTUP_HOME, else .rustup in the user’s home, with the system’s separator', () => {
  expect(rustupHome('win32', {}, 'C:\\Users\\runneradmin')).toBe('C:\\Users\\runneradmin\\.rustup');
  expect(rustupHome('darwin', {}, '/Users/runner')).toBe('/Users/runner/.rustup');
  expect(rustupHome('win32', { rustup_home: 'D:\\rustup' }, 'C:\\x')).toBe('D:\\rustup');
});

test('a .cmd on Windows goes through cmd.exe, its path quoted; anything else is spawned as is', () => {
  const wrapper =
    'C:\\Users\\RUNNER~1\\AppData\\Local\\Temp\\a b\\cargo-credential-auth-action.cmd';
  expect(spawnable('win32', wrapper, ['--cargo-plugin'], windowsEnv)).toEqual({
    command: 'C:\\Windows\\system32\\cmd.exe',
    args: ['/d', '/s', '/c', `""${wrapper}" --cargo-plugin"`],
    windowsVerbatimArguments: true,
  });
  expect(spawnable('win32', 'D:\\x\\RUN.BAT', [], {}).command).toBe('cmd.exe');
  expect(spawnable('win32', 'cargo', ['publish'])).toEqual({
    command: 'cargo',
    args: ['publish'],
    windowsVerbatimArguments: false,
  });
  expect(spawnable('linux', '/t/cargo-credential-auth-action.cmd', ['a b']).args).toEqual(['a b']);
  // cmd.exe would read these: the rig passes none, and refuses rather than quote them wrong.
  expect(() => spawnable('win32', 'C:\\w.cmd', ['a&b'])).toThrow('not a plain argument');
});

describe('skips say why, and a missing tool fails in CI', () => {
  let warn: Spied<typeof console.warn>;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    warn.mockRestore();
  });

  test('a test that does not apply to a system', () => {
    expect(testExceptOn(['win32'], 'no POSIX modes', 'linux')).toBe(test);
    expect(testExceptOn(['win32'], 'no POSIX modes', 'win32')).toBe(test.skip);
    expect(warn.mock.calls).toEqual([['SKIPPED on win32: no POSIX modes']]);
  });

  test('a test that needs a tool', () => {
    expect(testWithTool('openssl', true, 'the TLS tests', true)).toBe(test);
    expect(testWithTool('openssl', false, 'the TLS tests', false)).toBe(test.skip);
    expect(warn.mock.calls).toEqual([['SKIPPED (openssl is not installed): the TLS tests.']]);
    expect(() => testWithTool('openssl', false, 'the TLS tests', true)).toThrow(
      'openssl is required in CI (CI=true): the TLS tests must run there',
    );
  });
});

describe('CRLF, as @actions/core writes on Windows (os.EOL), read as the runner reads it', () => {
  test('file commands and their delimiters', () => {
    const text = 'a=1\r\ntoken<<ghadelimiter_x\r\nv\r\nghadelimiter_x\r\n';
    expect(parseFileCommands(text)).toEqual({ a: '1', token: 'v' });
    expect(heredocDelimiters(text)).toEqual(['ghadelimiter_x']);
  });

  test('workflow commands and log lines: the mask holds, no CR is left', async () => {
    const job = await Job.start();
    try {
      const script =
        "process.stdout.write('::add-mask::s3cret\\r\\nsaid s3cret\\r\\n::warning::w\\r\\nlast\\r');";
      const step = await job.runCommand(process.execPath, ['-e', script], {});
      expect(step.masks).toContain('s3cret');
      expect(step.log).toEqual(['said ***', 'Warning: w', 'last']);
    } finally {
      await job.end();
    }
  });
});
