import type { ConfigDoubt, Origin } from '../errors/failure.js';
import { registryVariable } from '../inputs/cargo-names.js';
import { shownPath } from '../errors/describe.js';
import { REPLACE_WITH_VARIABLE, type CargoEnvironment } from '../runner/environment.js';
import { configFs, loadCargoConfig, lookup, type ConfigFs } from './cargo-config.js';
import type { ConfigTable } from './config-toml.js';
import type { ReleaseTarget } from './publishable-crates.js';

/** crates.io's sparse index (cargo: `sparse+https://index.crates.io/`). */
export const CRATES_IO_INDEX = 'https://index.crates.io/';

/**
 * Which index `cargo publish` will use, as certain as cargo's own configuration makes it, or
 * why the check is not sure. `files`: every configuration file read, in order, for the log.
 */
export type IndexLocation =
  /** `url` ends in `/`; `from` says where cargo's setting was found, for the log. */
  | { kind: 'sparse'; url: string; from: string; files: string[] }
  /** An index cargo reads with git (or from a directory): not read by the check. */
  | { kind: 'git'; url: string; from: string; files: string[] }
  /** No index configured for that name; `variable` is the one that would set it. */
  | { kind: 'unknown'; variable: string; files: string[] }
  /** The check is not sure: it reads no index, and leaves every crate to cargo's own check. */
  | { kind: 'doubt'; doubt: ConfigDoubt; files: string[] };

/** The variable cargo reads for a registry's index: every `-` as `_`, upper case. */
export function indexVariable(name: string): string {
  return registryVariable(name, 'index');
}

type Setting =
  | { kind: 'absent' }
  | { kind: 'set'; value: string; from: Origin }
  | { kind: 'doubt'; doubt: ConfigDoubt };

/**
 * A string setting as cargo's `get_string` reads it: the variable first (cargo prefers the
 * environment to any file, and reads an empty value as set), then the merged files.
 */
function setting(
  config: ConfigTable,
  cargo: CargoEnvironment,
  parts: readonly string[],
  variable: string,
): Setting {
  const key = parts.join('.');
  const found = lookup(config, parts);
  if (found.kind === 'not-a-table') {
    const problem = `cannot be read: \`${found.key}\` is not a table (cargo stops on that)`;
    return {
      kind: 'doubt',
      doubt: { kind: 'bad-setting', key, from: { file: found.file }, problem },
    };
  }
  const fromEnv = cargo.variables[variable];
  if (fromEnv !== undefined) return { kind: 'set', value: fromEnv, from: { variable } };
  if (found.kind === 'absent') return { kind: 'absent' };
  const { value } = found;
  if (value.kind !== 'string') {
    const problem = `is a ${value.kind}, not a string (cargo stops on that)`;
    return {
      kind: 'doubt',
      doubt: { kind: 'bad-setting', key, from: { file: value.file }, problem },
    };
  }
  return { kind: 'set', value: value.value, from: { file: value.file } };
}

const originText = (from: Origin): string => ('file' in from ? from.file : from.variable);

/** A URL as cargo's `into_url` (the WHATWG parser, as Node's), or undefined. */
function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/**
 * An index URL as cargo takes it (`resolve_registry_index`, `SourceId::for_alt_registry`,
 * the sparse registry's own check): `sparse+http(s)://…/` is sparse, anything else cargo reads
 * with git or from a folder; what cargo refuses is a doubt.
 */
function classify(text: string, key: string, from: Origin, files: string[]): IndexLocation {
  const doubt = (problem: string): IndexLocation => ({
    kind: 'doubt',
    doubt: { kind: 'bad-setting', key, from, problem },
    files,
  });
  const outer = parseUrl(text);
  if (outer === undefined) return doubt(`is \`${text}\`, which is not a URL (cargo stops on that)`);
  if (outer.password !== '') return doubt('has a password in it (cargo refuses that)');
  if (!outer.protocol.startsWith('sparse+')) {
    return { kind: 'git', url: text, from: originText(from), files };
  }
  const url = parseUrl(outer.href.slice('sparse+'.length));
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    return doubt('is a sparse index that is not at an http(s) URL, which the check does not read');
  }
  if (!url.pathname.endsWith('/')) {
    return doubt('is a sparse index URL that does not end in `/` (cargo refuses that)');
  }
  if (url.search !== '' || url.hash !== '') {
    return doubt('is a sparse index URL with a query or a fragment, which the check does not read');
  }
  return { kind: 'sparse', url: url.href, from: originText(from), files };
}

/**
 * Source replacement of crates.io. cargo takes `[source]` names from the files only, then
 * `replace-with` from the files or from a variable with the name as written
 * (`CARGO_SOURCE_crates-io_REPLACE_WITH`: map keys are case-sensitive in cargo's variables);
 * another key there (`registry`, `directory`...) may redefine crates.io too: a doubt.
 */
function replacement(config: ConfigTable, cargo: CargoEnvironment): Setting {
  const table = lookup(config, ['source', 'crates-io']);
  if (table.kind === 'absent') return { kind: 'absent' };
  const parts = ['source', 'crates-io', 'replace-with'];
  const found = setting(config, cargo, parts, REPLACE_WITH_VARIABLE);
  if (found.kind !== 'absent' || table.kind !== 'found') return found;
  const { value } = table;
  return value.kind === 'table' && value.entries.size === 0
    ? { kind: 'absent' }
    : { kind: 'set', value: '', from: { file: value.file } };
}

type Elsewhere = Extract<ConfigDoubt, { kind: 'elsewhere' }>['setting'];

/** A doubt when a setting is there and is not the one value that keeps crates.io's index. */
function unless(found: Setting, setting: Elsewhere, keeps?: string): ConfigDoubt | undefined {
  if (found.kind === 'doubt') return found.doubt;
  if (found.kind === 'absent' || found.value === keeps) return undefined;
  return { kind: 'elsewhere', setting, from: found.from, value: found.value };
}

/**
 * crates.io, as `cargo publish` without `--registry` reaches it: unless `registry.default`
 * names another registry, the git protocol is asked for, `registry.index` is set (cargo
 * refuses it), or crates.io is replaced.
 */
function cratesIo(config: ConfigTable, cargo: CargoEnvironment, files: string[]): IndexLocation {
  const read = (parts: string[], variable: string) => setting(config, cargo, parts, variable);
  const doubt =
    unless(
      read(['registry', 'default'], 'CARGO_REGISTRY_DEFAULT'),
      'registry.default',
      'crates-io',
    ) ??
    unless(
      read(['registries', 'crates-io', 'protocol'], 'CARGO_REGISTRIES_CRATES_IO_PROTOCOL'),
      'protocol',
      'sparse',
    ) ??
    unless(read(['registry', 'index'], 'CARGO_REGISTRY_INDEX'), 'registry.index') ??
    unless(replacement(config, cargo), 'replace-with');
  if (doubt !== undefined) return { kind: 'doubt', doubt, files };
  return { kind: 'sparse', url: CRATES_IO_INDEX, from: 'crates.io', files };
}

/**
 * The index cargo would use for the release, run in `dir` with `cargo`'s environment:
 * crates.io's (`cargo publish`), or the one set for `[registries.NAME]` (`cargo publish
 * --registry NAME`: CARGO_REGISTRIES_<NAME>_INDEX first, then the merged configuration files).
 * Anything the check is not sure of is a doubt; it never falls back to a farther file.
 */
export function locateIndex(
  target: ReleaseTarget,
  dir: string,
  cargo: CargoEnvironment,
  fs: ConfigFs = configFs,
): IndexLocation {
  const loaded = loadCargoConfig(dir, cargo.home, fs);
  const { files } = loaded;
  if (!loaded.ok) return { kind: 'doubt', doubt: loaded.doubt, files };
  if (target.kind === 'crates-io') return cratesIo(loaded.config, cargo, files);
  const variable = indexVariable(target.name);
  const key = `registries.${target.name}.index`;
  const found = setting(loaded.config, cargo, ['registries', target.name, 'index'], variable);
  if (found.kind === 'doubt') return { kind: 'doubt', doubt: found.doubt, files };
  if (found.kind === 'absent') return { kind: 'unknown', variable, files };
  return classify(found.value, key, found.from, files);
}

/** The log's line on cargo's configuration: where cargo is assumed to run, what was read. */
export function configReadLine(dir: string, location: IndexLocation): string {
  const read =
    location.files.length === 0
      ? 'no configuration file'
      : location.files.map(shownPath).join(', ');
  const from =
    location.kind !== 'sparse' && location.kind !== 'git'
      ? ''
      : location.from === 'crates.io'
        ? " The index is crates.io's: nothing there changes it."
        : ` The index is set in ${location.from.startsWith('CARGO_') ? location.from : shownPath(location.from)}.`;
  return `cargo's configuration, as cargo reads it when run in ${shownPath(dir)}: ${read}.${from}`;
}
