import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ActionFailure } from '../errors/failure.js';
import { parseMetadata, type Workspace } from './workspace-metadata.js';

/** cargo reads a workspace in a fraction of a second; a toolchain rustup installs first takes longer. */
const METADATA_TIMEOUT_MS = 120_000;
const MAX_METADATA_BYTES = 64 * 1024 * 1024;

/**
 * Terminal escape sequences (colours, cursor moves): `--color never` asks cargo for none, and
 * a wrapper or an older cargo may print them anyway (CARGO_TERM_COLOR=always in GitHub's Rust
 * workflows).
 */
// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;

/**
 * A line of the source excerpt cargo draws under a TOML error (`  |`, `3 | version = "zz"`,
 * `  |           ^^^^`): a picture that reads only in columns, garbled once the message is one
 * line. The `-->` line before it keeps the file, line and column.
 */
const EXCERPT_LINE = /^ *\d* *\|/;

/**
 * What cargo printed on stderr, without escape sequences and source excerpts, from its first
 * error line on.
 */
export function cargoSaid(stderr: string): string {
  const plain = stderr.replace(ESCAPES, '');
  const at = plain.search(/^error/m);
  return (at === -1 ? plain : plain.slice(at))
    .split('\n')
    .filter((line) => !EXCERPT_LINE.test(line))
    .join('\n')
    .slice(0, 4000)
    .trim();
}

/** What is at `dir`, which holds no Cargo.toml: for the message that says what to set instead. */
function found(dir: string): 'directory' | 'file' | 'nothing' {
  try {
    const stat = statSync(dir, { throwIfNoEntry: false });
    return stat === undefined ? 'nothing' : stat.isDirectory() ? 'directory' : 'file';
  } catch {
    // ENOTDIR (a path through a file), EACCES...: there is no directory to read.
    return 'nothing';
  }
}

/**
 * The workspace whose Cargo.toml is in `dir` (or of which it is a member), read by cargo itself
 * (`cargo metadata --no-deps`: no network, no registry). The manifest is named, so cargo does
 * not look for one in a parent directory. Throws ActionFailure.
 */
export async function readWorkspace(dir: string): Promise<Workspace> {
  const manifest = join(dir, 'Cargo.toml');
  if (!existsSync(manifest))
    throw new ActionFailure({ kind: 'no-manifest', dir, found: found(dir) });
  const args = [
    'metadata',
    '--no-deps',
    '--format-version',
    '1',
    '--color',
    'never',
    '--manifest-path',
    manifest,
  ];
  const { error, stdout, stderr } = await new Promise<{
    error: (Error & { code?: unknown; killed?: boolean }) | null;
    stdout: string;
    stderr: string;
  }>((resolve) => {
    execFile(
      'cargo',
      args,
      {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: MAX_METADATA_BYTES,
        timeout: METADATA_TIMEOUT_MS,
        windowsHide: true,
      },
      (failure, out, err) => {
        resolve({ error: failure, stdout: out, stderr: err });
      },
    );
  });
  if (error !== null) {
    const code = error.code;
    if (typeof code === 'string' && code !== 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
      throw new ActionFailure({ kind: 'no-cargo', dir, code });
    }
    const problem =
      error.killed === true
        ? `did not finish within ${METADATA_TIMEOUT_MS / 1000} s`
        : code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER'
          ? `printed more than ${MAX_METADATA_BYTES / 1024 / 1024} MiB`
          : `failed (exit code ${typeof code === 'number' ? code : 'unknown'})`;
    throw new ActionFailure({ kind: 'cargo-metadata', dir, problem, said: cargoSaid(stderr) });
  }
  const parsed = parseMetadata(stdout);
  if (!parsed.ok) {
    throw new ActionFailure({
      kind: 'cargo-metadata',
      dir,
      problem: parsed.problem,
      said: '',
    });
  }
  return { crates: parsed.crates, root: parsed.root };
}
