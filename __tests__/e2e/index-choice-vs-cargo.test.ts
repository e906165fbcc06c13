// Which index the check reads, differentially against cargo itself. Each case is a tree of
// cargo configuration files (and variables) around a one-crate workspace. The action's
// locateIndex answers for it; then real cargo runs `cargo publish --dry-run` there with every
// index behind a closed loopback port (crates.io behind a closed proxy), and its error names
// the index it chose: ``failed to download from `URL/config.json` `` (sparse) or ``failed to
// fetch `URL` `` (git). The action's index must be cargo's, or a doubt: never another index.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cargoVersion } from '../../rig/cargo.js';
import { baseEnvironment, rustupHome } from '../../rig/platform.js';
import { removeTree } from '../../rig/remove-tree.js';
import { locateIndex, type IndexLocation } from '../../src/preflight/index-location.js';
import type { ReleaseTarget } from '../../src/preflight/publishable-crates.js';
import { readEnvironment } from '../../src/runner/environment.js';
import { testWithTool } from '../skip.js';

const withCargo = testWithTool(
  'cargo',
  cargoVersion() !== undefined,
  'the index choice was not compared with cargo',
);

/** A loopback port nothing listens on: bound by the OS, then closed. */
async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

/** What cargo chose: an index it tried to reach, or an error before any index. */
type CargoChoice = { kind: 'sparse' | 'git'; url: string } | { kind: 'error'; said: string };

/** What the action must answer: cargo's own index, a doubt, or "no index configured". */
type Expected = 'same' | 'doubt' | 'unknown';

interface Case {
  name: string;
  /** Files under the case's root; `ws/` is the workspace, `home/` is CARGO_HOME. `$U`: the index base. */
  files: Record<string, string | Buffer>;
  /** `--registry NAME` (default `local`); `crates.io`: `cargo publish` without `--registry`. */
  registry?: string;
  /** Variables for both; `$ROOT` is the case's root. CARGO_HOME is `$ROOT/home` unless set. */
  env?: Record<string, string>;
  expected: Expected;
  /** Where cargo's answer says something worth pinning (its index, or its words). */
  cargo?: RegExp;
}

const reg = (path: string) => `registries.local.index = "sparse+$U/${path}/"\n`;
const WS = 'ws/.cargo/config.toml';
const HOME = 'home/config.toml';
const PARENT = '.cargo/config.toml';

const CASES: Case[] = [
  // The forms of one file.
  {
    name: '[registries.local] index = "…"',
    files: { [WS]: '[registries.local]\nindex = "sparse+$U/table/"\n' },
    expected: 'same',
  },
  { name: 'dotted keys', files: { [WS]: reg('dotted') }, expected: 'same' },
  {
    name: 'registries = { local = { index = "…" } }',
    files: { [WS]: 'registries = { local = { index = "sparse+$U/inline/" } }\n' },
    expected: 'same',
  },
  {
    name: '[registries] local = { index = "…" }',
    files: { [WS]: '[registries]\nlocal = { token = "t", index = "sparse+$U/inline2/" }\n' },
    expected: 'same',
  },
  {
    name: 'a multi-line inline table (TOML 1.1), trailing comma',
    files: { [WS]: 'registries = { local = {\n  index = "sparse+$U/multi/",\n} }\n' },
    expected: 'same',
  },
  {
    name: 'a multi-line basic string',
    files: { [WS]: '[registries.local]\nindex = """\nsparse+$U/mlb/"""\n' },
    expected: 'same',
  },
  {
    name: 'a multi-line literal string',
    files: { [WS]: "[registries.local]\nindex = '''\nsparse+$U/mll/'''\n" },
    expected: 'same',
  },
  {
    name: 'a line-ending backslash in a multi-line string',
    files: { [WS]: '[registries.local]\nindex = """sparse+$U/ml\\\n      cont/"""\n' },
    expected: 'same',
  },
  {
    name: 'comments, quoted keys, spaces in a table header',
    files: {
      [WS]: '# registries\n[ registries . "local" ] # ours\n"index" = \'sparse+$U/quoted/\' # the index\n',
    },
    expected: 'same',
  },
  {
    name: 'escapes: \\u and \\x (TOML 1.1)',
    files: { [WS]: '[registries.local]\nindex = "sparse+$U/\\u0061\\x62/"\n' },
    expected: 'same',
  },
  {
    name: 'a byte-order mark and CRLF line ends',
    files: { [WS]: '\ufeff[registries.local]\r\nindex = "sparse+$U/bom/"\r\n' },
    expected: 'same',
  },
  {
    name: 'other keys beside the index, and other registries',
    files: {
      [WS]: '[registries.other]\nindex = "sparse+$U/other/"\n[registries.local]\nindex = "sparse+$U/mine/"\nprotocol = "x"\ncredential-provider = ["cargo:token"]\n',
    },
    expected: 'same',
  },
  // include
  {
    name: 'include = ["…"], relative to the including file',
    files: { [WS]: 'include = ["regs.toml"]\n', 'ws/.cargo/regs.toml': reg('inc') },
    expected: 'same',
  },
  {
    name: 'nested includes, each relative to its own file',
    files: {
      [WS]: 'include = ["sub/a.toml"]\n',
      'ws/.cargo/sub/a.toml': 'include = ["../../shared/b.toml"]\n',
      'ws/shared/b.toml': reg('nested'),
    },
    expected: 'same',
  },
  {
    name: 'include tables: a missing optional one is skipped',
    files: {
      [WS]: 'include = [\n  { path = "absent.toml", optional = true },\n  { path = "here.toml" },\n]\n',
      'ws/.cargo/here.toml': reg('optional'),
    },
    expected: 'same',
  },
  {
    name: '[[include]] (an array of tables)',
    files: { [WS]: '[[include]]\npath = "aot.toml"\n', 'ws/.cargo/aot.toml': reg('aot') },
    expected: 'same',
  },
  {
    name: "the file's own value beats its includes",
    files: { [WS]: `include = ["a.toml"]\n${reg('own')}`, 'ws/.cargo/a.toml': reg('included') },
    expected: 'same',
    cargo: /\/own\/$/,
  },
  {
    name: 'a later include beats an earlier one',
    files: {
      [WS]: 'include = ["a.toml", "b.toml"]\n',
      'ws/.cargo/a.toml': reg('first'),
      'ws/.cargo/b.toml': reg('second'),
    },
    expected: 'same',
    cargo: /\/second\/$/,
  },
  {
    name: 'an include in $CARGO_HOME/config.toml',
    files: { [HOME]: 'include = ["regs.toml"]\n', 'home/regs.toml': reg('homeinc') },
    expected: 'same',
  },
  {
    name: 'include = "…" (a string): cargo stops',
    files: { [WS]: 'include = "regs.toml"\n', 'ws/.cargo/regs.toml': reg('x'), [HOME]: reg('far') },
    expected: 'doubt',
    cargo: /expected a list of strings or a list of tables/,
  },
  {
    name: 'an include that is missing: cargo stops',
    files: { [WS]: 'include = ["missing.toml"]\n', [HOME]: reg('far') },
    expected: 'doubt',
    cargo: /failed to load config include/,
  },
  {
    name: 'the same file included twice: cargo stops (a cycle)',
    files: { [WS]: 'include = ["a.toml", "a.toml"]\n', 'ws/.cargo/a.toml': reg('twice') },
    expected: 'doubt',
    cargo: /failed to load config include/,
  },
  {
    name: 'an include that does not end in .toml: cargo stops',
    files: { [WS]: 'include = ["a.TOML"]\n', 'ws/.cargo/a.TOML': reg('upper') },
    expected: 'doubt',
    cargo: /ending with `\.toml`/,
  },
  // Where the files are, and which wins.
  {
    name: '`config` beside `config.toml`: cargo reads `config`',
    files: { [WS]: reg('toml'), 'ws/.cargo/config': reg('bare') },
    expected: 'same',
    cargo: /\/bare\/$/,
  },
  { name: '`config` alone', files: { 'ws/.cargo/config': reg('bare') }, expected: 'same' },
  {
    name: 'a parent directory beats $CARGO_HOME, the same registry named in both',
    files: { [PARENT]: reg('parent'), [HOME]: reg('home') },
    expected: 'same',
    cargo: /\/parent\/$/,
  },
  {
    name: 'another registry in the parent: $CARGO_HOME still sets this one',
    files: { [PARENT]: 'registries.other.index = "sparse+$U/other/"\n', [HOME]: reg('home') },
    expected: 'same',
    cargo: /\/home\/$/,
  },
  {
    name: 'the issue: an include in the project, the same name elsewhere in $CARGO_HOME',
    files: {
      [WS]: 'include = ["registries.toml"]\n',
      'ws/.cargo/registries.toml':
        'registries = { local = {\n  index = "sparse+$U/project/"\n} }\n',
      [HOME]: reg('home-elsewhere'),
    },
    expected: 'same',
    cargo: /\/project\/$/,
  },
  {
    name: 'the nearest file does not parse: a doubt, never the farther index',
    files: { [WS]: `${reg('near')}[registries.local]\n`, [HOME]: reg('far') },
    expected: 'doubt',
    cargo: /could not parse TOML configuration/,
  },
  {
    name: '$CARGO_HOME does not parse: cargo stops, whatever the nearer file says',
    files: { [WS]: reg('near'), [HOME]: 'x = \n' },
    expected: 'doubt',
    cargo: /could not parse TOML configuration/,
  },
  {
    name: 'a table in one file, a string in another: cargo cannot merge them',
    files: { [WS]: reg('near'), [PARENT]: 'registries.local = "x"\n' },
    expected: 'doubt',
    cargo: /failed to merge configuration/,
  },
  {
    name: 'an integer index in a farther file: the nearer string wins',
    files: { [WS]: reg('near'), [PARENT]: 'registries.local.index = 1\n' },
    expected: 'same',
  },
  {
    name: 'a float anywhere: cargo stops',
    files: { [WS]: `${reg('near')}[build]\njobs = 1.5\n` },
    expected: 'doubt',
    cargo: /unsupported TOML configuration type `float`/,
  },
  {
    name: 'a file that is not UTF-8: cargo stops',
    files: { [WS]: reg('near'), [PARENT]: Buffer.from([0x61, 0x3d, 0x22, 0xff, 0x22, 0x0a]) },
    expected: 'doubt',
    cargo: /failed to read configuration file/,
  },
  {
    name: 'a relative CARGO_HOME starts at the working directory',
    files: { 'ws/h2/config.toml': reg('relative-home'), [HOME]: reg('absolute-home') },
    env: { CARGO_HOME: 'h2' },
    expected: 'same',
    cargo: /\/relative-home\/$/,
  },
  {
    name: 'CARGO_HOME unset: $HOME/.cargo',
    files: { 'userhome/.cargo/config.toml': reg('user-home'), [HOME]: reg('not-read') },
    env: { CARGO_HOME: '' },
    expected: 'same',
    cargo: /\/user-home\/$/,
  },
  {
    name: 'CARGO_HOME is the workspace .cargo: read once',
    files: { [WS]: 'include = ["a.toml"]\n', 'ws/.cargo/a.toml': reg('once') },
    env: { CARGO_HOME: '$ROOT/ws/.cargo/' },
    expected: 'same',
  },
  // Variables.
  {
    name: 'CARGO_REGISTRIES_LOCAL_INDEX beats every file',
    files: { [WS]: reg('file') },
    env: { CARGO_REGISTRIES_LOCAL_INDEX: 'sparse+$U/env/' },
    expected: 'same',
    cargo: /\/env\/$/,
  },
  {
    name: 'an empty CARGO_REGISTRIES_LOCAL_INDEX is set: cargo stops',
    files: { [WS]: reg('file') },
    env: { CARGO_REGISTRIES_LOCAL_INDEX: '' },
    expected: 'doubt',
    cargo: /invalid url ``/,
  },
  {
    name: 'a variable in lower case is ignored',
    files: { [WS]: reg('file') },
    env: { cargo_registries_local_index: 'sparse+$U/lower/' },
    expected: 'same',
    cargo: /\/file\/$/,
  },
  {
    name: 'a variable that is not a URL: cargo stops',
    files: {},
    env: { CARGO_REGISTRIES_LOCAL_INDEX: '123' },
    expected: 'doubt',
    cargo: /invalid url `123`/,
  },
  // Names.
  {
    name: 'a name with `-` in a file',
    files: { [WS]: 'registries.my-reg.index = "sparse+$U/dash/"\n' },
    registry: 'my-reg',
    expected: 'same',
  },
  {
    name: 'a name with two dashes: CARGO_REGISTRIES_MY_PRIV_REG_INDEX',
    files: { [WS]: 'registries.my-priv-reg.index = "sparse+$U/file/"\n' },
    registry: 'my-priv-reg',
    env: { CARGO_REGISTRIES_MY_PRIV_REG_INDEX: 'sparse+$U/two-dashes/' },
    expected: 'same',
    cargo: /\/two-dashes\/$/,
  },
  {
    name: 'a name with two dashes, only the first mapped: no variable cargo reads',
    files: { [WS]: 'registries.my-priv-reg.index = "sparse+$U/file/"\n' },
    registry: 'my-priv-reg',
    env: { 'CARGO_REGISTRIES_MY_PRIV-REG_INDEX': 'sparse+$U/half/' },
    expected: 'same',
    cargo: /\/file\/$/,
  },
  {
    name: '`my_reg` in the file is not `my-reg`',
    files: { [WS]: 'registries.my_reg.index = "sparse+$U/under/"\n', [HOME]: reg('x') },
    registry: 'my-reg',
    expected: 'unknown',
  },
  {
    name: '`Local` in the file is not `local`',
    files: { [WS]: 'registries.Local.index = "sparse+$U/upper/"\n' },
    expected: 'unknown',
  },
  {
    name: '`--registry Local` reads CARGO_REGISTRIES_LOCAL_INDEX',
    files: { [WS]: reg('lower-name') },
    registry: 'Local',
    env: { CARGO_REGISTRIES_LOCAL_INDEX: 'sparse+$U/env-upper/' },
    expected: 'same',
  },
  // Index URLs.
  {
    name: 'a sparse URL without its final `/`: cargo stops',
    files: { [WS]: 'registries.local.index = "sparse+$U/no-slash"\n' },
    expected: 'doubt',
    cargo: /must end in a slash/,
  },
  {
    name: 'a password in the URL: cargo stops',
    files: { [WS]: 'registries.local.index = "sparse+http://u:p@$HOSTPORT/pw/"\n' },
    expected: 'doubt',
    cargo: /may not contain passwords/,
  },
  {
    name: 'upper case and spaces around the URL, as URLs parse',
    files: { [WS]: 'registries.local.index = "  sparse+HTTP://$HOSTPORT/Case/"\n' },
    expected: 'same',
  },
  {
    name: 'a git index',
    files: { [WS]: 'registries.local.index = "$U/git-index"\n' },
    expected: 'same',
  },
  {
    name: 'source replacement is not followed with --registry',
    files: {
      [WS]: `${reg('named')}registries.other.index = "sparse+$U/other/"\n[source.local]\nregistry = "sparse+$U/named/"\nreplace-with = "other"\n`,
    },
    expected: 'same',
    cargo: /\/named\/$/,
  },
  // crates.io: `cargo publish` without --registry.
  { name: 'crates.io', files: {}, registry: 'crates.io', expected: 'same' },
  {
    name: 'crates.io, registry.default = "crates-io"',
    registry: 'crates.io',
    files: { [WS]: 'registry.default = "crates-io"\n' },
    expected: 'same',
  },
  {
    name: 'crates.io, registry.default names another registry',
    registry: 'crates.io',
    files: { [WS]: `${reg('default')}registry.default = "local"\n` },
    expected: 'doubt',
    cargo: /\/default\/$/,
  },
  {
    name: 'crates.io, CARGO_REGISTRY_DEFAULT names another registry',
    registry: 'crates.io',
    files: { [WS]: reg('default-env') },
    env: { CARGO_REGISTRY_DEFAULT: 'local' },
    expected: 'doubt',
    cargo: /\/default-env\/$/,
  },
  {
    name: 'crates.io replaced ([source.crates-io] replace-with): cargo refuses',
    registry: 'crates.io',
    files: { [WS]: `${reg('replacement')}[source.crates-io]\nreplace-with = "local"\n` },
    expected: 'doubt',
    cargo: /crates-io is replaced with remote registry local/,
  },
  {
    name: 'crates.io, CARGO_SOURCE_CRATES_IO_REPLACE_WITH without a [source] table is ignored',
    registry: 'crates.io',
    files: { [WS]: reg('replacement') },
    env: { CARGO_SOURCE_CRATES_IO_REPLACE_WITH: 'local' },
    expected: 'same',
  },
  {
    name: 'crates.io, an empty [source.crates-io] and CARGO_SOURCE_CRATES_IO_REPLACE_WITH: ignored',
    registry: 'crates.io',
    files: { [WS]: `${reg('replacement')}[source.crates-io]\n` },
    env: { CARGO_SOURCE_CRATES_IO_REPLACE_WITH: 'local' },
    expected: 'same',
  },
  {
    name: 'crates.io, [source.crates-io] and CARGO_SOURCE_crates-io_REPLACE_WITH (as written): replaced',
    registry: 'crates.io',
    files: { [WS]: `${reg('replacement')}[source.crates-io]\n` },
    env: { 'CARGO_SOURCE_crates-io_REPLACE_WITH': 'local' },
    expected: 'doubt',
    cargo: /crates-io is replaced with remote registry local/,
  },

  {
    name: "crates.io over git (registries.crates-io.protocol): cargo reads crates.io's git index",
    registry: 'crates.io',
    files: { [WS]: 'registries.crates-io.protocol = "git"\n' },
    expected: 'doubt',
    cargo: /github\.com\/rust-lang\/crates\.io-index/,
  },
  {
    name: 'crates.io over git (CARGO_REGISTRIES_CRATES_IO_PROTOCOL)',
    registry: 'crates.io',
    files: {},
    env: { CARGO_REGISTRIES_CRATES_IO_PROTOCOL: 'git' },
    expected: 'doubt',
    cargo: /github\.com\/rust-lang\/crates\.io-index/,
  },
  {
    name: 'crates.io, protocol = "sparse"',
    registry: 'crates.io',
    files: { [WS]: 'registries.crates-io.protocol = "sparse"\n' },
    expected: 'same',
  },
  {
    name: 'crates.io, registry.index (cargo refuses it)',
    registry: 'crates.io',
    files: { [WS]: 'registry.index = "sparse+$U/ri/"\n' },
    expected: 'doubt',
    cargo: /no longer supported/,
  },
];

let port: number;
let base: string;
beforeAll(async () => {
  port = await closedPort();
  base = `http://127.0.0.1:${port}`;
});

const CRATE = '[package]\nname = "alpha"\nversion = "0.1.0"\nedition = "2021"\n';

async function makeTree(root: string, files: Case['files']): Promise<void> {
  const all = { 'ws/Cargo.toml': CRATE, 'ws/src/lib.rs': '', ...files };
  for (const [path, content] of Object.entries(all)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    const text =
      typeof content === 'string'
        ? content.replaceAll('$U', base).replaceAll('$HOSTPORT', `127.0.0.1:${port}`)
        : content;
    await writeFile(join(root, path), text);
  }
  await mkdir(join(root, 'home'), { recursive: true });
}

/** The case's variables, as the runner would give them to both steps. */
function caseEnvironment(root: string, c: Case): Record<string, string> {
  const env: Record<string, string> = {
    HOME: join(root, 'userhome'),
    CARGO_HOME: join(root, 'home'),
  };
  for (const [name, value] of Object.entries(c.env ?? {})) {
    env[name] = value.replaceAll('$ROOT', root).replaceAll('$U', base);
  }
  if (env.CARGO_HOME === '') delete env.CARGO_HOME;
  return env;
}

function askCargo(cwd: string, registry: string | undefined, env: Record<string, string>) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(
      'cargo',
      [
        'publish',
        '--dry-run',
        '--no-verify',
        '--allow-dirty',
        ...(registry ? ['--registry', registry] : []),
      ],
      {
        cwd,
        env: {
          ...baseEnvironment(process.platform, process.env),
          RUSTUP_HOME: rustupHome(process.platform, process.env),
          CARGO_TARGET_DIR: join(cwd, '..', 'target'),
          CARGO_TERM_COLOR: 'never',
          CARGO_NET_RETRY: '0',
          // crates.io (and a git index) stay behind a proxy where nothing listens: no internet.
          CARGO_HTTP_PROXY: `127.0.0.1:${port}`,
          ...env,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let said = '';
    child.stderr.on('data', (chunk: Buffer) => (said += chunk.toString('utf8')));
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(killer);
      resolve(said);
    });
  });
}

/** cargo's choice, read off its error. */
function cargoChoice(said: string): CargoChoice {
  const sparse = /failed to download from `([^`]*)config\.json`/.exec(said);
  if (sparse?.[1] !== undefined) return { kind: 'sparse', url: sparse[1] };
  const git = /failed to fetch `([^`]*)`/.exec(said);
  if (git?.[1] !== undefined) return { kind: 'git', url: git[1] };
  return { kind: 'error', said };
}

const normal = (url: string) => new URL(url.trim()).href;

/** The invariant: an index the action reads is the one cargo uses; cargo stopping is no index. */
function agree(action: IndexLocation, cargo: CargoChoice): void {
  if (action.kind === 'sparse' || action.kind === 'git') {
    expect({ kind: cargo.kind, url: 'url' in cargo ? normal(cargo.url) : cargo.said }).toEqual({
      kind: action.kind,
      url: normal(action.url),
    });
  }
  if (action.kind === 'unknown') {
    expect(cargo).toEqual({
      kind: 'error',
      said: expect.stringContaining('registry index was not found in any configuration') as unknown,
    });
  }
}

describe('the index the check reads is the one cargo uses, or a doubt', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'auth-action-index-choice-'));
  });
  afterEach(async () => {
    await removeTree(root);
  });

  const each = CASES.map((c) => [c.name, c] as const);
  for (const [name, c] of each) {
    withCargo(name, async () => {
      await makeTree(root, c.files);
      const env = caseEnvironment(root, c);
      const registry = c.registry ?? 'local';
      const target: ReleaseTarget =
        registry === 'crates.io' ? { kind: 'crates-io' } : { kind: 'named', name: registry };
      const action = locateIndex(target, join(root, 'ws'), readEnvironment(env).cargo);
      const said = await askCargo(
        join(root, 'ws'),
        target.kind === 'named' ? registry : undefined,
        env,
      );
      const cargo = cargoChoice(said);

      agree(action, cargo);
      if (c.cargo !== undefined) {
        expect('url' in cargo ? cargo.url : cargo.said).toMatch(c.cargo);
      }
      const kind = { sparse: 'same', git: 'same', unknown: 'unknown', doubt: 'doubt' }[action.kind];
      expect({ kind, action }).toMatchObject({ kind: c.expected });
    });
  }
});
