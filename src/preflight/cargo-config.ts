import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  openSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import type { ConfigDoubt } from '../errors/failure.js';
import { keyText, readConfigToml, type ConfigTable, type ConfigValue } from './config-toml.js';

/**
 * cargo's configuration as cargo 1.95 loads it (`load_values_from`, `walk_tree`,
 * `get_file_path`, `load_includes` and `ConfigValue::merge` in cargo's context/mod.rs and
 * config_value.rs): every file it reads, includes followed, merged into one table. Where cargo
 * would stop (a file it cannot read or parse, an include it refuses, two files it cannot
 * merge), the answer is a doubt, never the rest of the files without that one.
 */

/** What the loader needs of the file system; the real one is `configFs`. */
export interface ConfigFs {
  /** Whether anything is at `path` (cargo opens `config` if it can, else tries `config.toml`). */
  exists(path: string): boolean;
  /** A file's text, or why it cannot be read (the end of a sentence). */
  read(path: string): { ok: true; text: string } | { ok: false; problem: string };
  /** `path` with its links resolved, or `path` itself when that fails (as cargo canonicalizes). */
  canonical(path: string): string;
}

/** A config file is small; a larger one is not read (a doubt, not a skip). */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Files read in all, includes counted: more is a doubt. */
export const MAX_CONFIG_FILES = 64;

const FS_PROBLEMS = new Map([
  ['ENOENT', 'it does not exist'],
  ['ENOTDIR', 'a part of its path is not a folder'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'permission denied'],
  ['ELOOP', 'its symbolic links loop'],
]);

// Windows has no O_NONBLOCK (and no FIFO in a folder).
const flags: Partial<typeof constants> = constants;
const NONBLOCK = flags.O_NONBLOCK ?? 0;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a config file as cargo's `read_to_string` does, bounded: opened without blocking (a
 * FIFO does not hang the step), a regular file only, at most MAX_CONFIG_BYTES, UTF-8 only.
 */
function readConfigFile(path: string): { ok: true; text: string } | { ok: false; problem: string } {
  let fd: number | undefined;
  try {
    if (statSync(path).isDirectory()) return { ok: false, problem: 'it is a directory' };
    fd = openSync(path, constants.O_RDONLY | NONBLOCK);
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, problem: 'it is not a regular file' };
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > MAX_CONFIG_BYTES) {
        return { ok: false, problem: 'it is larger than 1 MiB, more than the check reads' };
      }
    }
    try {
      return { ok: true, text: utf8.decode(buffer.subarray(0, length)) };
    } catch {
      return { ok: false, problem: 'it is not UTF-8 text' };
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return {
      ok: false,
      problem: FS_PROBLEMS.get(String(code)) ?? `it could not be read (${String(code)})`,
    };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export const configFs: ConfigFs = {
  exists: (path) => existsSync(path),
  read: readConfigFile,
  canonical: (path) => {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  },
};

/** `config` if it is there (cargo warns when `config.toml` is there too), else `config.toml`. */
function fileIn(folder: string, fs: ConfigFs): string | undefined {
  const bare = join(folder, 'config');
  if (fs.exists(bare)) return bare;
  const toml = join(folder, 'config.toml');
  return fs.exists(toml) ? toml : undefined;
}

/**
 * The files cargo discovers when run in `dir`, nearest (strongest) first: `.cargo/config[.toml]`
 * in `dir` (as the OS names it: its links resolved) and each parent, then `home`'s, unless
 * `home` was one of those `.cargo` folders. A relative `home` starts at `dir`.
 */
export function discoverConfigFiles(dir: string, home: string | undefined, fs: ConfigFs): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  for (let current = fs.canonical(resolve(dir)); ; current = dirname(current)) {
    const folder = join(current, '.cargo');
    const file = fileIn(folder, fs);
    if (file !== undefined) files.push(file);
    seen.add(fs.canonical(folder));
    if (dirname(current) === current) break;
  }
  if (home !== undefined) {
    const folder = resolve(dir, home);
    if (!seen.has(fs.canonical(folder)) && !seen.has(folder)) {
      const file = fileIn(folder, fs);
      if (file !== undefined) files.push(file);
    }
  }
  return files;
}

/** The whole configuration, and every file read for it (includes too), in the order read. */
export type LoadedConfig =
  | { ok: true; config: ConfigTable; files: string[] }
  | { ok: false; doubt: ConfigDoubt; files: string[] };

class Stop extends Error {
  constructor(readonly doubt: ConfigDoubt) {
    super(doubt.kind);
  }
}

/**
 * Merges `from` into `into` (cargo's `ConfigValue::merge`): tables key by key; a value `into`
 * already has stays unless `force` (an include under its file, a later include over an earlier
 * one); a table or an array against anything else is an error in cargo, so a doubt here.
 */
function merge(into: ConfigTable, from: ConfigTable, force: boolean, path: string[]): void {
  for (const [key, value] of from.entries) {
    const old = into.entries.get(key);
    if (old === undefined) {
      into.entries.set(key, value);
    } else if (old.kind === 'table' && value.kind === 'table') {
      merge(old, value, force, [...path, key]);
    } else if (old.kind === 'list' && value.kind === 'list') {
      // Arrays are joined in cargo; no array decides the index.
    } else if (
      old.kind === 'table' ||
      old.kind === 'list' ||
      value.kind === 'table' ||
      value.kind === 'list'
    ) {
      throw new Stop({
        kind: 'conflict',
        key: keyText([...path, key]),
        file: old.file,
        other: value.file,
      });
    } else if (force) {
      into.entries.set(key, value);
    }
  }
}

interface Include {
  path: string;
  optional: boolean;
}

const includeRefused = (file: string, problem: string): Stop =>
  new Stop({ kind: 'include', file, problem });

/** The `include` list of a file's table, taken out of it, as cargo's `include_paths` reads it. */
function takeIncludes(table: ConfigTable): Include[] {
  const value = table.entries.get('include');
  if (value === undefined) return [];
  table.entries.delete('include');
  const file = table.file;
  if (value.kind !== 'list') {
    throw includeRefused(file, `\`include\` is a ${value.kind}, not an array (cargo refuses it)`);
  }
  const includes = value.items.map((item, i): Include => {
    if (item.kind === 'string') return { path: item.value, optional: false };
    if (item.kind !== 'table') {
      throw includeRefused(file, `\`include[${i}]\` is a ${item.kind} (cargo refuses it)`);
    }
    const path = item.entries.get('path');
    const optional = item.entries.get('optional');
    if (path?.kind !== 'string') {
      throw includeRefused(file, `\`include[${i}].path\` is not a string (cargo refuses it)`);
    }
    if (optional !== undefined && optional.kind !== 'boolean') {
      throw includeRefused(
        file,
        `\`include[${i}].optional\` is not true or false (cargo refuses it)`,
      );
    }
    return { path: path.value, optional: optional?.value === true };
  });
  for (const { path } of includes) {
    // Shown resolved: where cargo would look, without `..` in a message.
    const target = resolve(dirname(file), path);
    if (extname(path) !== '.toml') {
      throw includeRefused(file, `${target} does not end in \`.toml\` (cargo refuses it)`);
    }
    if (/[*?[\]{}]/.test(path)) {
      throw includeRefused(file, `${target} is a pattern (cargo refuses globs and braces)`);
    }
  }
  return includes;
}

/** Reads the files of a configuration; `seen` finds an include cycle, as cargo's does. */
class Loader {
  readonly files: string[] = [];

  constructor(private readonly fs: ConfigFs) {}

  /** One file and, recursively, what it includes: the includes first, the file's own on top. */
  load(path: string, seen: Set<string>): ConfigTable {
    if (seen.has(path)) {
      throw includeRefused(path, 'it is included again, which cargo calls an include cycle');
    }
    seen.add(path);
    if (this.files.length >= MAX_CONFIG_FILES) {
      throw includeRefused(path, `more than ${MAX_CONFIG_FILES} files, more than the check reads`);
    }
    this.files.push(path);
    const read = this.fs.read(path);
    if (!read.ok) throw new Stop({ kind: 'unreadable', file: path, problem: read.problem });
    const parsed = readConfigToml(read.text, path);
    if (!parsed.ok) throw new Stop(parsed.doubt);
    const own = parsed.table;
    const includes = takeIncludes(own);
    const root: ConfigTable = { kind: 'table', entries: new Map(), file: path };
    for (const include of includes) {
      const target = resolve(dirname(path), include.path);
      if (include.optional && !this.fs.exists(target)) continue;
      merge(root, this.load(target, seen), true, []);
    }
    merge(root, own, true, []);
    return root;
  }
}

/** cargo's configuration for a command run in `dir` with `home` as its CARGO_HOME. */
export function loadCargoConfig(
  dir: string,
  home: string | undefined,
  fs: ConfigFs = configFs,
): LoadedConfig {
  const loader = new Loader(fs);
  const config: ConfigTable = { kind: 'table', entries: new Map(), file: '' };
  try {
    for (const file of discoverConfigFiles(dir, home, fs)) {
      // Nearest first: what a nearer file set stays (not forced).
      merge(config, loader.load(file, new Set()), false, []);
    }
  } catch (error) {
    if (error instanceof Stop) return { ok: false, doubt: error.doubt, files: loader.files };
    throw error;
  }
  return { ok: true, config, files: loader.files };
}

/** A value of the merged configuration, or why cargo could not reach it. */
export type Lookup =
  | { kind: 'absent' }
  | { kind: 'found'; value: ConfigValue }
  | { kind: 'not-a-table'; key: string; file: string };

/** `parts` in the merged configuration, as cargo's `get_cv`: a value on the way is an error. */
export function lookup(config: ConfigTable, parts: readonly string[]): Lookup {
  let value: ConfigValue = config;
  for (const [i, part] of parts.entries()) {
    if (value.kind !== 'table') {
      return { kind: 'not-a-table', key: keyText(parts.slice(0, i)), file: value.file };
    }
    const next = value.entries.get(part);
    if (next === undefined) return { kind: 'absent' };
    value = next;
  }
  return { kind: 'found', value };
}

export type { ConfigValue };
