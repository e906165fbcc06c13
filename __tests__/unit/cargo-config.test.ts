/**
 * cargo's configuration as the check reads it, by edge class: one file's TOML, the files cargo
 * discovers, `include`, the merging of files, the variables, the index URL, crates.io's own
 * settings, and what the log and the warning say. cargo itself answers for the common forms in
 * e2e/index-choice-vs-cargo.test.ts; here are the corners it would take too long to ask it.
 * Property-based: whatever a config file holds, the answer is an index or a typed doubt.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { removeTreeSync } from '../../rig/remove-tree.js';
import { describeFailure } from '../../src/errors/describe.js';
import type { ConfigDoubt } from '../../src/errors/failure.js';
import { envKeyPart, registryVariable } from '../../src/inputs/cargo-names.js';
import {
  configFs,
  discoverConfigFiles,
  loadCargoConfig,
  lookup,
  MAX_CONFIG_BYTES,
  MAX_CONFIG_FILES,
} from '../../src/preflight/cargo-config.js';
import { readConfigToml } from '../../src/preflight/config-toml.js';
import {
  configReadLine,
  CRATES_IO_INDEX,
  indexVariable,
  locateIndex,
  type IndexLocation,
} from '../../src/preflight/index-location.js';
import type { ReleaseTarget } from '../../src/preflight/publishable-crates.js';
import { providerVariable } from '../../src/provider/install-provider.js';
import { readEnvironment, type CargoEnvironment } from '../../src/runner/environment.js';
import { expectReadable, fromOutside, outsideText } from '../hostile.js';
import { testExceptOn } from '../skip.js';

const local: ReleaseTarget = { kind: 'named', name: 'local' };
const cratesIo: ReleaseTarget = { kind: 'crates-io' };

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'auth-action-cargo-config-'));
});
afterEach(() => {
  removeTreeSync(root);
});

/** Files under the test's root; `ws` is where cargo runs, `home` its CARGO_HOME. */
function tree(files: Record<string, string | Buffer>): void {
  mkdirSync(join(root, 'ws'), { recursive: true });
  mkdirSync(join(root, 'home'), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const ws = () => join(root, 'ws');
/** cargo's environment: `home` null when neither CARGO_HOME nor the user's home is known. */
const cargo = (
  variables: Record<string, string> = {},
  home: string | null = join(root, 'home'),
): CargoEnvironment => ({ home: home ?? undefined, variables });
const locate = (target: ReleaseTarget = local, env = cargo()) => locateIndex(target, ws(), env);
const WS = 'ws/.cargo/config.toml';
const HOME = 'home/config.toml';
const index = (path: string) => `registries.local.index = "sparse+https://r.example/${path}/"\n`;

/** The sparse index found, or the kind of answer when it is not one. */
function found(location: IndexLocation): string {
  return location.kind === 'sparse' ? location.url : location.kind;
}

/** The doubt of an answer, or a failure of the test when it is not one. */
function doubtOf(location: IndexLocation): ConfigDoubt {
  if (location.kind !== 'doubt') throw new Error(`not a doubt: ${JSON.stringify(location)}`);
  return location.doubt;
}

describe('one file, read by a TOML parser', () => {
  const indexIn = (text: string, name = 'local') => {
    const read = readConfigToml(text, '/c/config.toml');
    if (!read.ok) return read.doubt.kind;
    const value = lookup(read.table, ['registries', name, 'index']);
    return value.kind === 'found' && value.value.kind === 'string' ? value.value.value : value.kind;
  };

  test.each([
    ['[registries.local]\nindex = "i"', 'i'],
    ['registries.local.index = "i"', 'i'],
    ['registries = { local = { index = "i" } }', 'i'],
    ['[registries]\nlocal = {\n  index = "i",\n}', 'i'],
    ['[registries.local]\nindex = """\ni"""', 'i'],
    ["[registries.local]\nindex = '''\ni'''", 'i'],
    ['[registries.local]\nindex = """a\\\n   b"""', 'ab'],
    ["[ registries . 'local' ] # c\n\"index\" = 'i' # c", 'i'],
    ['[registries.local]\nindex = "\\u0041\\x42\\e"', 'AB\u001b'],
    ['\ufeff[registries.local]\r\nindex = "i"\r\n', 'i'],
    ['[registries.localx]\nindex = "i"', 'absent'],
    ['[registries.local]\n[[x]]\nindex = "i"', 'absent'],
    ['', 'absent'],
  ])('%j', (text, expected) => {
    expect(indexIn(text)).toBe(expected);
  });

  test('a registry named like a property of every object is just a name', () => {
    const text = '[registries.__proto__]\nindex = "p"\n[registries.constructor]\nindex = "c"';
    expect(indexIn(text, '__proto__')).toBe('p');
    expect(indexIn(text, 'constructor')).toBe('c');
    expect(indexIn('', 'constructor')).toBe('absent');
  });

  test('TOML that does not parse: where, on one line, without the code frame', () => {
    const read = readConfigToml(
      'registries.local.index = "a"\nregistries.local.index = "b"\n',
      'f',
    );
    expect(read).toEqual({
      ok: false,
      doubt: {
        kind: 'not-toml',
        file: 'f',
        problem: 'line 2, column 1: trying to redefine an already defined table or value',
      },
    });
  });

  test.each([
    ['[build]\njobs = 1.5', 'build.jobs', 'float'],
    ['x = inf', 'x', 'float'],
    ['[a]\n"odd key" = 1979-05-27', 'a."odd key"', 'date-time'],
    ['a = [1, 2.0]', 'a.1', 'float'],
  ])('a value cargo does not hold, %j: a doubt naming it', (text, key, type) => {
    expect(readConfigToml(text, 'f')).toEqual({
      ok: false,
      doubt: { kind: 'unsupported-value', file: 'f', key, type },
    });
  });

  test('nesting too deep for the check: a doubt, inline or dotted, never a stack overflow', () => {
    const inline = readConfigToml(`a = ${'['.repeat(5000)}${']'.repeat(5000)}`, 'f');
    expect(inline).toMatchObject({ ok: false, doubt: { kind: 'not-toml' } });
    const dotted = readConfigToml(`${Array.from({ length: 100 }, () => 'a').join('.')} = 1`, 'f');
    expect(dotted).toMatchObject({ ok: false, doubt: { kind: 'unreadable' } });
    expect(readConfigToml(`${Array.from({ length: 20 }, () => 'a').join('.')} = 1`, 'f').ok).toBe(
      true,
    );
  });
});

describe('the files cargo discovers, nearest first', () => {
  test('the directory, each parent, then CARGO_HOME; `config` before `config.toml`', () => {
    tree({ [WS]: '', 'ws/.cargo/config': '', '.cargo/config.toml': '', [HOME]: '' });
    const files = discoverConfigFiles(ws(), join(root, 'home'), configFs);
    const real = configFs.canonical(root);
    expect(files.slice(0, 2)).toEqual([
      join(real, 'ws', '.cargo', 'config'),
      join(real, '.cargo', 'config.toml'),
    ]);
    expect(files.at(-1)).toBe(join(root, 'home', 'config.toml'));
  });

  test('CARGO_HOME that is one of those .cargo folders is read once, as it is named or not', () => {
    tree({ [WS]: '' });
    for (const home of [
      join(ws(), '.cargo'),
      join(ws(), '.cargo') + '/',
      join(ws(), '.', '.cargo'),
    ]) {
      expect(discoverConfigFiles(ws(), home, configFs)).toHaveLength(1);
    }
  });

  testExceptOn(['win32'], 'symbolic links need privileges there')(
    'CARGO_HOME through a link to such a folder is read once too',
    () => {
      tree({ [WS]: '' });
      symlinkSync(join(ws(), '.cargo'), join(root, 'link'));
      expect(discoverConfigFiles(ws(), join(root, 'link'), configFs)).toHaveLength(1);
    },
  );

  testExceptOn(['win32'], 'symbolic links need privileges there')(
    "a workspace reached through a link: the real path's parents, as cargo's working directory",
    () => {
      tree({ 'real/ws/Cargo.toml': '', 'real/.cargo/config.toml': index('real-parent') });
      mkdirSync(join(root, 'elsewhere'));
      symlinkSync(join(root, 'real', 'ws'), join(root, 'elsewhere', 'ws'));
      const location = locateIndex(local, join(root, 'elsewhere', 'ws'), cargo());
      expect(found(location)).toBe('https://r.example/real-parent/');
    },
  );

  test('a relative CARGO_HOME starts at the directory cargo runs in', () => {
    tree({ 'ws/h2/config.toml': index('relative'), [HOME]: index('absolute') });
    expect(found(locate(local, cargo({}, 'h2')))).toBe('https://r.example/relative/');
  });

  test('no CARGO_HOME known: only the tree is read', () => {
    tree({ [WS]: index('tree'), [HOME]: 'x = ' });
    expect(found(locate(local, cargo({}, null)))).toBe('https://r.example/tree/');
    expect(found(locate(local, cargo()))).toBe('doubt');
  });
});

describe('include', () => {
  test('relative to the including file, nested, each to its own', () => {
    tree({
      [WS]: 'include = ["sub/a.toml"]',
      'ws/.cargo/sub/a.toml': 'include = ["../../b.toml"]',
      'ws/b.toml': index('nested'),
    });
    const location = locate();
    expect(found(location)).toBe('https://r.example/nested/');
    expect(location.files.map((file) => file.slice(configFs.canonical(root).length))).toEqual([
      join('/ws', '.cargo', 'config.toml'),
      join('/ws', '.cargo', 'sub', 'a.toml'),
      join('/ws', 'b.toml'),
    ]);
  });

  test("the file's own value over its includes, a later include over an earlier one", () => {
    tree({
      [WS]: 'include = ["a.toml", "b.toml"]',
      'ws/.cargo/a.toml': index('a'),
      'ws/.cargo/b.toml': index('b'),
    });
    expect(found(locate())).toBe('https://r.example/b/');
    writeFileSync(join(root, WS), `include = ["a.toml", "b.toml"]\n${index('own')}`);
    expect(found(locate())).toBe('https://r.example/own/');
  });

  test('optional includes that are missing are skipped; tables may hold other keys', () => {
    tree({
      [WS]: 'include = [{ path = "no.toml", optional = true }, { path = "a.toml", x = 1 }]',
      'ws/.cargo/a.toml': index('a'),
    });
    expect(found(locate())).toBe('https://r.example/a/');
  });

  test('an `include` that is not at the top of the file is no include', () => {
    tree({
      [WS]: '[foo]\ninclude = ["a.toml"]',
      'ws/.cargo/a.toml': index('a'),
      [HOME]: index('h'),
    });
    expect(found(locate())).toBe('https://r.example/h/');
  });

  test.each([
    ['include = "a.toml"', /`include` is a string, not an array/],
    ['include = [1]', /`include\[0\]` is a integer/],
    ['include = [{ optional = true }]', /`include\[0\]\.path` is not a string/],
    ['include = [{ path = "a.toml", optional = "yes" }]', /`include\[0\]\.optional` is not true/],
    ['include = ["a.TOML"]', /a\.TOML does not end in `\.toml`/],
    ['include = ["sub/.toml"]', /\.toml does not end in `\.toml`/],
    ['include = ["*.toml"]', /is a pattern/],
    ['include = ["{a}.toml"]', /is a pattern/],
    ['include = ["a.toml", "a.toml"]', /included again/],
    ['include = ["config.toml"]', /included again/],
    ['include = ["missing.toml"]', /does not exist/],
  ])('%s: a doubt, never the farther file', (text, problem) => {
    tree({ [WS]: text, 'ws/.cargo/a.toml': index('a'), [HOME]: index('far') });
    const location = locate();
    const doubt = doubtOf(location);
    expect(doubt.kind === 'include' || doubt.kind === 'unreadable').toBe(true);
    expect('problem' in doubt ? doubt.problem : '').toMatch(problem);
  });

  test('a diamond (two includes of one file) is a cycle to cargo', () => {
    tree({
      [WS]: 'include = ["a.toml", "b.toml"]',
      'ws/.cargo/a.toml': 'include = ["d.toml"]',
      'ws/.cargo/b.toml': 'include = ["d.toml"]',
      'ws/.cargo/d.toml': index('d'),
    });
    expect(doubtOf(locate())).toMatchObject({ kind: 'include' });
  });

  test(`more than ${MAX_CONFIG_FILES} files: a doubt`, () => {
    const files: Record<string, string> = { [WS]: 'include = ["0.toml"]' };
    for (let i = 0; i < MAX_CONFIG_FILES + 1; i++) {
      files[`ws/.cargo/${i}.toml`] = `include = ["${i + 1}.toml"]`;
    }
    tree(files);
    expect(doubtOf(locate())).toMatchObject({ kind: 'include', problem: /more than 64 files/ });
  });
});

describe('files merged', () => {
  test('a nearer value stays; other registries and keys come from farther files', () => {
    tree({
      [WS]: index('near'),
      '.cargo/config.toml': `${index('parent')}registries.other.index = "sparse+https://o/"\n`,
      [HOME]: 'registry.default = "other"\n',
    });
    const loaded = loadCargoConfig(ws(), join(root, 'home'), configFs);
    if (!loaded.ok) throw new Error('not loaded');
    const text = (parts: string[]) => {
      const value = lookup(loaded.config, parts);
      return value.kind === 'found' && value.value.kind === 'string' ? value.value.value : '';
    };
    expect(text(['registries', 'local', 'index'])).toBe('sparse+https://r.example/near/');
    expect(text(['registries', 'other', 'index'])).toBe('sparse+https://o/');
    expect(text(['registry', 'default'])).toBe('other');
  });

  test.each([
    ['a table and a string', 'registries.local = "x"', 'registries.local'],
    ['a table and an array', 'registries = []', 'registries'],
    ['an unrelated key', '[build]\njobs = 1\n', 'build'],
  ])('%s across files: cargo cannot merge them, a doubt', (_name, far, key) => {
    tree({ [WS]: `${index('near')}build = "x"\n`, '.cargo/config.toml': far });
    expect(doubtOf(locate())).toMatchObject({ kind: 'conflict', key });
  });

  test('two values of different types merge: the nearer stays', () => {
    tree({ [WS]: index('near'), '.cargo/config.toml': 'registries.local.index = 1' });
    expect(found(locate())).toBe('https://r.example/near/');
  });

  test("the issue's data loss: the near file cannot be read, the far one names the index", () => {
    for (const near of [
      'include = ["registries.toml"]\nregistries = { local = { index = 1.0 } }',
      'registries = { local = { index = "sparse+https://r.example/near/" }',
      Buffer.from([0xff, 0xfe]),
    ]) {
      tree({ [WS]: near, [HOME]: index('far') });
      const location = locate();
      expect(location.kind).toBe('doubt');
      expect(JSON.stringify(location)).not.toContain('https://r.example/far/');
    }
  });
});

describe('files the check cannot read', () => {
  test('a directory where cargo expects a file (cargo takes `config` and fails)', () => {
    tree({ 'ws/.cargo/config/x': '', [WS]: index('toml') });
    expect(doubtOf(locate())).toMatchObject({ kind: 'unreadable', problem: 'it is a directory' });
  });

  test(`larger than ${MAX_CONFIG_BYTES} bytes, or not UTF-8`, () => {
    tree({ [WS]: `${index('big')}#${'x'.repeat(MAX_CONFIG_BYTES)}` });
    expect(doubtOf(locate())).toMatchObject({ problem: /larger than 1 MiB/ });
    tree({ [WS]: Buffer.concat([Buffer.from(index('latin1')), Buffer.from([0x23, 0xe9])]) });
    expect(doubtOf(locate())).toMatchObject({ problem: 'it is not UTF-8 text' });
  });

  testExceptOn(['win32'], 'there are no FIFOs in a Windows folder')(
    'a FIFO: refused at once, the step does not hang',
    () => {
      tree({});
      mkdirSync(join(ws(), '.cargo'));
      const made = spawnSync('mkfifo', [join(root, WS)]);
      expect(made.status).toBe(0);
      expect(doubtOf(locate())).toMatchObject({ problem: 'it is not a regular file' });
    },
  );
});

describe('variables', () => {
  test('the names cargo reads: every `-` as `_`, upper case, in every variable the action names', () => {
    expect(envKeyPart('my-priv-reg')).toBe('MY_PRIV_REG');
    expect(indexVariable('my-priv-reg')).toBe('CARGO_REGISTRIES_MY_PRIV_REG_INDEX');
    expect(registryVariable('a-b-c-d', 'credential-provider')).toBe(
      'CARGO_REGISTRIES_A_B_C_D_CREDENTIAL_PROVIDER',
    );
    expect(providerVariable({ kind: 'named', name: 'my-priv-reg' })).toBe(
      'CARGO_REGISTRIES_MY_PRIV_REG_CREDENTIAL_PROVIDER',
    );
  });

  test('the variable beats every file; an empty one counts as set (cargo stops on it)', () => {
    tree({ [WS]: 'registries.my-priv-reg.index = "sparse+https://file/"' });
    const target: ReleaseTarget = { kind: 'named', name: 'my-priv-reg' };
    const env = (value: string) => cargo({ CARGO_REGISTRIES_MY_PRIV_REG_INDEX: value });
    expect(locate(target, env('sparse+https://env/'))).toMatchObject({
      kind: 'sparse',
      url: 'https://env/',
      from: 'CARGO_REGISTRIES_MY_PRIV_REG_INDEX',
    });
    expect(doubtOf(locate(target, env('')))).toEqual({
      kind: 'bad-setting',
      key: 'registries.my-priv-reg.index',
      from: { variable: 'CARGO_REGISTRIES_MY_PRIV_REG_INDEX' },
      problem: 'is ``, which is not a URL (cargo stops on that)',
    });
  });

  test('no index at all names the variable with every `-` mapped', () => {
    tree({});
    expect(locate({ kind: 'named', name: 'my-priv-reg' })).toEqual({
      kind: 'unknown',
      variable: 'CARGO_REGISTRIES_MY_PRIV_REG_INDEX',
      files: [],
    });
    const message = describeFailure({
      kind: 'index-unknown',
      registry: 'my-priv-reg',
      reason: 'unknown',
      index: indexVariable('my-priv-reg'),
    });
    expect(message).toContain('CARGO_REGISTRIES_MY_PRIV_REG_INDEX');
  });

  test('what the action keeps of the environment: exact names, empty values, no token', () => {
    const env = readEnvironment(
      {
        CARGO_REGISTRIES_MY_PRIV_REG_INDEX: '',
        cargo_registries_lower_index: 'x',
        CARGO_REGISTRIES_LOCAL_TOKEN: 'secret',
        CARGO_REGISTRY_TOKEN: 'secret',
        CARGO_REGISTRY_DEFAULT: 'local',
        CARGO_REGISTRIES_CRATES_IO_PROTOCOL: 'git',
        CARGO_SOURCE_CRATES_IO_REPLACE_WITH: 'ignored by cargo',
        'CARGO_SOURCE_crates-io_REPLACE_WITH': 'x',
        CARGO_REGISTRY_INDEX: 'y',
        HOME: '/home/u',
        USERPROFILE: 'C:\\Users\\u',
      },
      'linux',
    ).cargo;
    expect(env).toEqual({
      home: join('/home/u', '.cargo'),
      variables: {
        CARGO_REGISTRIES_MY_PRIV_REG_INDEX: '',
        CARGO_REGISTRY_DEFAULT: 'local',
        CARGO_REGISTRIES_CRATES_IO_PROTOCOL: 'git',
        'CARGO_SOURCE_crates-io_REPLACE_WITH': 'x',
        CARGO_REGISTRY_INDEX: 'y',
      },
    });
    expect(readEnvironment({ HOME: '/h', USERPROFILE: 'C:\\U' }, 'win32').cargo.home).toBe(
      join('C:\\U', '.cargo'),
    );
    expect(readEnvironment({ HOME: '/h', CARGO_HOME: 'rel' }, 'linux').cargo.home).toBe('rel');
    expect(readEnvironment({ HOME: '/h', CARGO_HOME: '' }, 'linux').cargo.home).toBe(
      join('/h', '.cargo'),
    );
  });
});

describe('the index URL, as cargo takes it', () => {
  test.each([
    ['sparse+https://r.example/i/', 'https://r.example/i/'],
    ['  sparse+HTTPS://R.example/i/', 'https://r.example/i/'],
    ['sparse+http://127.0.0.1:8080/%41/', 'http://127.0.0.1:8080/%41/'],
    ['sparse+https://u@r.example/i/', 'https://u@r.example/i/'],
    ['sparse+https://r.example/i', 'doubt'],
    ['sparse+https://u:p@r.example/i/', 'doubt'],
    ['https://u:p@github.com/o/i', 'doubt'],
    ['sparse+file:///srv/index/', 'doubt'],
    ['sparse+https://r.example/i/?x=1', 'doubt'],
    ['sparse+https://r.example/i/#x', 'doubt'],
    ['sparse+', 'doubt'],
    ['r.example/i/', 'doubt'],
    ['https://github.com/o/index', 'git'],
    ['file:///srv/index', 'git'],
  ])('%j → %s', (url, expected) => {
    tree({ [WS]: `registries.local.index = ${JSON.stringify(url)}` });
    expect(found(locate())).toBe(expected);
  });

  test.each([
    ['registries.local = "x"', /`registries\.local` is not a table/],
    ['registries = 1', /`registries` is not a table/],
    ['registries.local.index = true', /is a boolean, not a string/],
    ['registries.local.index = ["a"]', /is a list, not a string/],
  ])('%s: the setting cannot be read, a doubt', (text, problem) => {
    tree({ [WS]: text });
    expect(doubtOf(locate())).toMatchObject({ kind: 'bad-setting', problem });
  });
});

describe('crates.io, as `cargo publish` without --registry reaches it', () => {
  const cratesIoIndex = { kind: 'sparse', url: CRATES_IO_INDEX, from: 'crates.io' };

  test('nothing set, or settings that keep it', () => {
    tree({
      [WS]: 'registry.default = "crates-io"\nregistries.crates-io.protocol = "sparse"\n[source.crates-io]\n',
    });
    expect(locate(cratesIo)).toMatchObject(cratesIoIndex);
    // cargo takes `[source]` names from the files only: the variable alone is ignored.
    rmSync(join(root, WS));
    expect(locate(cratesIo, cargo({ 'CARGO_SOURCE_crates-io_REPLACE_WITH': 'x' }))).toMatchObject(
      cratesIoIndex,
    );
  });

  test.each([
    [{ [WS]: 'registry.default = "local"' }, {}, 'registry.default', 'local'],
    [{}, { CARGO_REGISTRY_DEFAULT: 'local' }, 'registry.default', 'local'],
    [{ [WS]: 'registry.default = "local"' }, { CARGO_REGISTRY_DEFAULT: 'crates-io' }, null, ''],
    [{ [WS]: 'registries.crates-io.protocol = "git"' }, {}, 'protocol', 'git'],
    [{}, { CARGO_REGISTRIES_CRATES_IO_PROTOCOL: 'x' }, 'protocol', 'x'],
    [{ [WS]: 'registry.index = "https://i/"' }, {}, 'registry.index', 'https://i/'],
    [{ [WS]: '[source.crates-io]\nreplace-with = "m"' }, {}, 'replace-with', 'm'],
    [{ [WS]: '[source.crates-io]\nregistry = "sparse+https://m/"' }, {}, 'replace-with', ''],
    [
      { [WS]: '[source.crates-io]' },
      { 'CARGO_SOURCE_crates-io_REPLACE_WITH': 'm' },
      'replace-with',
      'm',
    ],
    [
      { [WS]: '[source.crates-io]\nreplace-with = "m"' },
      { 'CARGO_SOURCE_crates-io_REPLACE_WITH': 'n' },
      'replace-with',
      'n',
    ],
  ])('%j with %j: %s', (files, variables, setting, value) => {
    tree(files);
    const location = locate(cratesIo, cargo(variables));
    if (setting === null) {
      expect(location).toMatchObject(cratesIoIndex);
    } else {
      expect(doubtOf(location)).toMatchObject({ kind: 'elsewhere', setting, value });
    }
  });

  test('`registry = "x"`: cargo cannot read registry.default, a doubt', () => {
    tree({ [WS]: 'registry = "x"' });
    expect(doubtOf(locate(cratesIo))).toMatchObject({
      kind: 'bad-setting',
      key: 'registry.default',
    });
  });
});

describe('what the log and the warning say', () => {
  test('the files read, and where the index is set', () => {
    tree({ [WS]: 'include = ["r.toml"]', 'ws/.cargo/r.toml': index('r') });
    const location = locate();
    const real = configFs.canonical(root);
    expect(configReadLine(ws(), location)).toBe(
      `cargo's configuration, as cargo reads it when run in \`${ws()}\`: \`${join(real, 'ws', '.cargo', 'config.toml')}\`, \`${join(real, 'ws', '.cargo', 'r.toml')}\`. The index is set in \`${join(real, 'ws', '.cargo', 'r.toml')}\`.`,
    );
    removeTreeSync(join(ws(), '.cargo'));
    expect(configReadLine(ws(), locate(cratesIo))).toBe(
      `cargo's configuration, as cargo reads it when run in \`${ws()}\`: no configuration file. The index is crates.io's: nothing there changes it.`,
    );
    expect(
      configReadLine(
        ws(),
        locate(local, cargo({ CARGO_REGISTRIES_LOCAL_INDEX: 'sparse+https://e/' })),
      ),
    ).toMatch(/The index is set in CARGO_REGISTRIES_LOCAL_INDEX\.$/);
  });

  test('a doubt: what, where, that every crate counts as unpublished, what to run', () => {
    tree({ [WS]: 'registries.local.index = "sparse+https://r.example/no-slash"' });
    const real = configFs.canonical(root);
    expect(
      describeFailure({ kind: 'index-doubt', registry: 'local', doubt: doubtOf(locate()) }),
    ).toBe(
      `The check of the workspace cannot be sure which index \`cargo publish --registry local\` uses: \`registries.local.index\` (in \`${join(real, 'ws', '.cargo', 'config.toml')}\`) is a sparse index URL that does not end in \`/\` (cargo refuses that). \`unpublished\` lists every crate to be released and \`exclude-published\` is empty. Nothing is blocked: cargo checks each version against the index itself before it uploads. \`cargo publish --dry-run --registry local\`, run where the release runs, shows what cargo makes of its configuration.`,
    );
    tree({ [WS]: 'registry.default = "local"' });
    expect(
      describeFailure({
        kind: 'index-doubt',
        registry: 'crates-io',
        doubt: doubtOf(locate(cratesIo)),
      }),
    ).toBe(
      `The check of the workspace cannot be sure which index \`cargo publish\` uses: \`registry.default\` (in \`${join(real, 'ws', '.cargo', 'config.toml')}\`) is \`local\`: \`cargo publish\` without \`--registry\` publishes to that registry, not to crates.io. \`unpublished\` lists every crate to be released and \`exclude-published\` is empty. Nothing is blocked: cargo checks each version against the index itself before it uploads. If the release is meant for another registry, give the action its \`url\` and \`registry-name\`; otherwise remove that setting.`,
    );
  });
});

describe('whatever a config file holds: an index or a typed doubt, and a clean message', () => {
  /** TOML-ish text: the forms cargo reads, cut and mixed with outside text. */
  const fragment = fc.oneof(
    fc.constantFrom(
      '[registries.local]\n',
      'index = ',
      'registries.local.index = ',
      'registries = { local = { index = ',
      ' } }\n',
      'include = [',
      '"a.toml"',
      '{ path = "a.toml", optional = true }',
      ']\n',
      '"sparse+https://r.example/i/"\n',
      "'''\n",
      '"""\n',
      '\\\n',
      '[[x]]\n',
      '# comment\n',
      ',',
      '=',
      '\n',
      '1.5\n',
      '1979-05-27\n',
      'registry.default = "x"\n',
    ),
    outsideText(40),
  );
  const configText = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(''));

  test('TOML-ish text in the workspace, its include and CARGO_HOME', () => {
    fc.assert(
      fc.property(configText, configText, configText, fc.boolean(), (near, included, far, io) => {
        removeTreeSync(root);
        tree({ [WS]: near, 'ws/.cargo/a.toml': included, [HOME]: far });
        const location = locate(io ? cratesIo : local);
        expect(['sparse', 'git', 'unknown', 'doubt']).toContain(location.kind);
        if (location.kind === 'sparse') expect(location.url.endsWith('/')).toBe(true);
        if (location.kind === 'doubt') {
          const message = describeFailure({
            kind: 'index-doubt',
            registry: io ? 'crates-io' : 'local',
            doubt: location.doubt,
          });
          expect(message).not.toMatch(/[\n\r\u2028\u2029]/);
          if ([near, included, far].every(fromOutside)) expectReadable(message);
        }
      }),
      { numRuns: 150 },
    );
  });

  test('any bytes at all', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        tree({ [WS]: Buffer.from(bytes) });
        const location = locate();
        expect(['sparse', 'git', 'unknown', 'doubt']).toContain(location.kind);
        if (location.kind === 'doubt') {
          const message = describeFailure({
            kind: 'index-doubt',
            registry: 'local',
            doubt: location.doubt,
          });
          expect(message).not.toMatch(/[\n\r\u2028\u2029]/);
          expect(message.length).toBeLessThan(4000);
        }
      }),
      { numRuns: 150 },
    );
  });
});
