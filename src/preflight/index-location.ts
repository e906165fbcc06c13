import { dirname, join, resolve } from 'node:path';
import type { CargoEnvironment } from '../runner/environment.js';
import { registryIndexInToml } from './config-toml.js';
import type { ReleaseTarget } from './publishable-crates.js';

/** crates.io's sparse index (cargo: `sparse+https://index.crates.io/`). */
export const CRATES_IO_INDEX = 'https://index.crates.io/';

/** Where the check reads, or why it cannot. */
export type IndexLocation =
  /** `url` ends in `/`; `from` says where cargo's setting was found, for the log. */
  | { kind: 'sparse'; url: string; from: string }
  /** An index cargo reads with git (or from a directory): not read by the check. */
  | { kind: 'git'; url: string; from: string }
  /** No index configured for that name; `variable` is the one that would set it. */
  | { kind: 'unknown'; variable: string };

/** The variable cargo reads for a registry's index: NAME upper-cased, `-` as `_`. */
export function indexVariable(name: string): string {
  return `CARGO_REGISTRIES_${name.toUpperCase().replace(/-/g, '_')}_INDEX`;
}

/**
 * The configuration files cargo reads for a command run in `dir`, nearest (strongest) first:
 * `.cargo/config` or `.cargo/config.toml` in `dir` and each parent, then `$CARGO_HOME`'s when
 * it was not among them (`walk_tree` and `get_file_path` in cargo's context/mod.rs: when both
 * names exist, cargo reads the one without extension).
 */
export function configFiles(
  dir: string,
  cargoHome: string | undefined,
  exists: (path: string) => boolean,
): string[] {
  const pick = (folder: string) => {
    const bare = join(folder, 'config');
    if (exists(bare)) return bare;
    const toml = join(folder, 'config.toml');
    return exists(toml) ? toml : undefined;
  };
  const files: string[] = [];
  const seen = new Set<string>();
  for (let current = resolve(dir); ; current = dirname(current)) {
    const folder = join(current, '.cargo');
    seen.add(folder);
    const file = pick(folder);
    if (file !== undefined) files.push(file);
    if (dirname(current) === current) break;
  }
  if (cargoHome !== undefined && !seen.has(resolve(cargoHome))) {
    const file = pick(resolve(cargoHome));
    if (file !== undefined) files.push(file);
  }
  return files;
}

/** An index URL as cargo's configuration gives it: `sparse+http(s)://...` is sparse. */
function classify(url: string, from: string): IndexLocation {
  if (url.startsWith('sparse+')) {
    const base = url.slice('sparse+'.length);
    return { kind: 'sparse', url: base.endsWith('/') ? base : `${base}/`, from };
  }
  return { kind: 'git', url, from };
}

/**
 * The sparse index cargo would use for the release, run in `dir`: crates.io's, or the one
 * set for `[registries.NAME]` (CARGO_REGISTRIES_<NAME>_INDEX first, then the config files).
 */
export function locateIndex(
  target: ReleaseTarget,
  dir: string,
  cargo: CargoEnvironment,
  files: { exists: (path: string) => boolean; read: (path: string) => string | undefined },
): IndexLocation {
  if (target.kind === 'crates-io') {
    return { kind: 'sparse', url: CRATES_IO_INDEX, from: 'crates.io' };
  }
  const variable = indexVariable(target.name);
  const fromEnv =
    cargo.registryIndexes[variable.slice('CARGO_REGISTRIES_'.length, -'_INDEX'.length)];
  if (fromEnv !== undefined) return classify(fromEnv, variable);
  for (const file of configFiles(dir, cargo.home, files.exists)) {
    const text = files.read(file);
    const url = text === undefined ? undefined : registryIndexInToml(text, target.name);
    if (url !== undefined) return classify(url, file);
  }
  return { kind: 'unknown', variable };
}
