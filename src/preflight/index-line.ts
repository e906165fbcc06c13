import { isCargoPlatform } from './cargo-platform.js';
import { isCargoVersion, parseCargoReq } from './cargo-semver.js';

/**
 * One line of a sparse index file, read as cargo 1.95 reads it before it counts it as a
 * version: serde's `IndexPackage` (cargo-util-schemas/src/index.rs), then `IndexSummary::parse`
 * and `index_package_to_summary` (sources/registry/index/mod.rs), `Summary::new` and
 * `build_feature_map` (core/summary.rs). A line that fails any of them is not a version to
 * cargo: `cargo publish` does not say "already exists" over it, so it must not count here
 * either. Never throws.
 */
export type LineReading =
  /** A version cargo reads; `name` as the line spells it (the caller compares it). */
  | { kind: 'entry'; name: string; vers: string; yanked: boolean }
  /**
   * Not a version to cargo: `why` says which rule it breaks, in our own words. `claims`: the
   * name and version the line still gives, when cargo reads those alone (its
   * `IndexPackageMinimum`): cargo then keeps the line as an invalid entry of that version, in
   * place of any line for that version before it.
   */
  | { kind: 'skipped'; why: string; claims?: { name: string; vers: string } };

/** The index schema versions cargo 1.95 reads (`INDEX_V_MAX`); a newer line is skipped. */
const INDEX_V_MAX = 2;

/** The fields serde reads into `IndexPackage`, and into `RegistryDependency`: a second one is an error. */
const PACKAGE_FIELDS = new Set([
  'name',
  'vers',
  'deps',
  'features',
  'features2',
  'cksum',
  'yanked',
  'links',
  'rust_version',
  'pubtime',
  'v',
]);
const DEPENDENCY_FIELDS = new Set([
  'name',
  'req',
  'features',
  'optional',
  'default_features',
  'target',
  'kind',
  'registry',
  'package',
  'public',
  'artifact',
  'bindep_target',
  'lib',
]);

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string as serde_json gives Rust one: a lone surrogate (`"\ud800"`) is refused. */
function isText(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)
  );
}

const isOptional = (value: unknown, check: (v: unknown) => boolean) =>
  value === undefined || value === null || check(value);
const isBool = (value: unknown) => typeof value === 'boolean';
const isTextList = (value: unknown) => Array.isArray(value) && value.every(isText);
const isFeatureMap = (value: unknown) =>
  isObject(value) && Object.entries(value).every(([key, list]) => isText(key) && isTextList(list));

/** How many keys the parsed value has, over all its objects. */
function keysIn(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + keysIn(v), 0);
  if (!isObject(value)) return 0;
  let n = 0;
  for (const key in value) n += 1 + keysIn(value[key]);
  return n;
}

/**
 * How many keys the line writes: strings followed by `:` (the line is JSON, so each `"` outside
 * a string opens one). A scan with indexOf: the regex engine costs several times more.
 */
function keysWritten(line: string): number {
  let n = 0;
  for (let open = line.indexOf('"'); open !== -1;) {
    let close = line.indexOf('"', open + 1);
    // A quote after an odd number of backslashes is inside the string.
    for (;;) {
      let slashes = 0;
      while (line.charCodeAt(close - 1 - slashes) === 0x5c) slashes++;
      if (slashes % 2 === 0) break;
      close = line.indexOf('"', close + 1);
    }
    let next = close + 1;
    // JSON's white space: space, tab, line feed, carriage return.
    for (let c = line.charCodeAt(next); c === 32 || c === 9 || c === 10 || c === 13;) {
      c = line.charCodeAt(++next);
    }
    if (line.charCodeAt(next) === 0x3a) n++;
    open = line.indexOf('"', next);
  }
  return n;
}

const TOKEN = /\s*(?:("(?:[^"\\]|\\.)*")(\s*:)?|([{}[\],])|([^\s{}[\],:"]+))/y;

interface Frame {
  role: 'package' | 'deps' | 'dependency' | 'other';
  keys: Set<string> | undefined;
  key: string | undefined;
}

/**
 * The line's structure where serde cares: a field of `IndexPackage` or of a dependency given
 * twice (serde: "duplicate field"; a repeated unknown key is ignored), and `v` as written (an
 * integer, or something `u32` refuses, such as `2.0`). Only called for a line that is JSON.
 */
function structure(line: string): {
  repeated: string | undefined;
  identityRepeated: boolean;
  v: string | undefined;
} {
  const stack: Frame[] = [];
  let v: string | undefined;
  let repeated: string | undefined;
  let identityRepeated = false;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(line); match !== null; match = TOKEN.exec(line)) {
    const top = stack.at(-1);
    const [, text, colon, mark, bare] = match;
    if (text !== undefined && colon !== undefined && top?.keys !== undefined) {
      const key = JSON.parse(text) as string;
      const fields = top.role === 'package' ? PACKAGE_FIELDS : DEPENDENCY_FIELDS;
      if (fields.has(key) && top.keys.has(key)) {
        repeated ??= key;
        identityRepeated ||= top.role === 'package' && (key === 'name' || key === 'vers');
      }
      top.keys.add(key);
      top.key = key;
    } else if (mark === '{' || mark === '[') {
      const role: Frame['role'] =
        top === undefined
          ? 'package'
          : mark === '[' && top.role === 'package' && top.key === 'deps'
            ? 'deps'
            : mark === '{' && top.role === 'deps'
              ? 'dependency'
              : 'other';
      const known = role === 'package' || role === 'dependency';
      stack.push({ role, keys: known ? new Set() : undefined, key: undefined });
    } else if (mark === '}' || mark === ']') {
      stack.pop();
    } else if (bare !== undefined && top?.role === 'package' && top.key === 'v') {
      v = bare;
    }
  }
  return { repeated, identityRepeated, v };
}

const PUBTIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** `pubtime` as cargo 1.95 reads it: `yyyy-mm-ddThh:mm:ssZ`, a real moment, zero-padded. */
function isPubtime(value: unknown): boolean {
  const m = isText(value) ? PUBTIME.exec(value) : null;
  if (m === null) return false;
  const [year = 0, month = 0, day = 0, hour = 24, minute = 60, second = 60] = m
    .slice(1)
    .map(Number);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day >= 1 && day <= days && hour < 24 && minute < 60 && second < 60;
}

/** `rust_version` as cargo reads it (`RustVersion`): `1`, `1.70` or `1.70.0`, no pre-release. */
const isRustVersion = (value: unknown) =>
  isText(value) && /^(0|[1-9]\d{0,18})(\.(0|[1-9]\d{0,18})){0,2}$/.test(value);

/** The requirements seen, and whether cargo reads each: an index repeats a few hundred of them. */
const REQUIREMENTS_SEEN = new Map<string, boolean>();

function readsAsRequirement(req: string): boolean {
  let reads = REQUIREMENTS_SEEN.get(req);
  if (reads === undefined) {
    reads = parseCargoReq(req) !== undefined;
    if (REQUIREMENTS_SEEN.size >= 4096) REQUIREMENTS_SEEN.clear();
    REQUIREMENTS_SEEN.set(req, reads);
  }
  return reads;
}

/** Why a dependency cannot be cargo's (`RegistryDependency`, `registry_dependency_into_dep`). */
function dependencyProblem(dep: unknown): string | undefined {
  if (!isObject(dep)) return 'a dependency is not an object';
  const { name, req, features, optional, default_features, target, kind } = dep;
  if (!isText(name) || name === '') return 'a dependency has no name';
  if (!isText(req) || !readsAsRequirement(req)) {
    return "a dependency's `req` is not a version requirement cargo reads";
  }
  if (!(features === undefined || isTextList(features)))
    return "a dependency's `features` is not a list of names";
  if (
    !(optional === undefined || isBool(optional)) ||
    !(default_features === undefined || isBool(default_features))
  ) {
    return "a dependency's `optional` or `default_features` is not true or false";
  }
  if (!isOptional(target, (t) => isText(t) && isCargoPlatform(t))) {
    return "a dependency's `target` is not a platform cargo reads";
  }
  if (
    !isOptional(kind, isText) ||
    !isOptional(dep.package, isText) ||
    !isOptional(dep.bindep_target, isText)
  ) {
    return 'a dependency has a field that is not text';
  }
  if (!isOptional(dep.registry, (r) => isText(r) && URL.canParse(r))) {
    return "a dependency's `registry` is not a URL";
  }
  if (!isOptional(dep.public, isBool) || !(dep.lib === undefined || isBool(dep.lib))) {
    return "a dependency's `public` or `lib` is not true or false";
  }
  // Artifact dependencies (index schema 3) are not read here: cargo 1.95 takes them only with -Z.
  if (!isOptional(dep.artifact, () => false)) return 'a dependency is an artifact dependency';
  if (optional === true && kind === 'dev') return 'a dev-dependency is optional';
  return undefined;
}

/** cargo's `validate_feature_name`. */
const FEATURE_NAME = /^[\p{XID_Start}_0-9][\p{XID_Continue}+.-]*$/u;

/** Why cargo's `build_feature_map` refuses the features of a version with these dependencies. */
function featuresProblem(features: Map<string, string[]>, deps: Json[]): string | undefined {
  // Most versions: no features, no optional dependency, nothing to check.
  if (features.size === 0 && !deps.some((dep) => dep.optional === true)) return undefined;
  // Whether each dependency (by its name in Cargo.toml) is optional under any of its entries.
  const optional = new Map<string, boolean>();
  for (const dep of deps) {
    const name = dep.name as string;
    optional.set(name, (optional.get(name) ?? false) || dep.optional === true);
  }
  const values = [...features.values()].flat();
  const explicit = new Set(
    values.filter((v) => !v.includes('/') && v.startsWith('dep:')).map((v) => v.slice(4)),
  );
  // Implicit features for optional dependencies not named anywhere.
  const map = new Map(features);
  for (const [name, isOpt] of optional) {
    if (isOpt && !features.has(name) && !explicit.has(name)) map.set(name, [`dep:${name}`]);
  }
  const used = new Set<string>();
  for (const [feature, list] of map) {
    if (!FEATURE_NAME.test(feature) || feature.startsWith('dep:'))
      return 'a feature name is not one cargo allows';
    for (const value of list) {
      const slash = value.indexOf('/');
      if (slash !== -1) {
        const dep = value.slice(0, slash);
        const weak = dep.endsWith('?');
        const name = weak ? dep.slice(0, -1) : dep;
        if (value.slice(slash + 1).includes('/') || name.startsWith('dep:')) {
          return "a feature names a dependency's feature in a form cargo refuses";
        }
        if (!optional.has(name) || (weak && optional.get(name) !== true)) {
          return 'a feature names a dependency that is not there';
        }
        used.add(name);
      } else if (value.startsWith('dep:')) {
        const name = value.slice(4);
        if (optional.get(name) !== true) return 'a feature names a dependency that is not optional';
        used.add(name);
      } else if (!features.has(value)) {
        const isOpt = optional.get(value);
        if (isOpt === undefined || !isOpt || !map.has(value)) {
          return 'a feature names neither a feature nor an optional dependency';
        }
      }
    }
  }
  for (const [name, isOpt] of optional) {
    if (isOpt && !used.has(name)) return 'an optional dependency is in no feature';
  }
  return undefined;
}

/** Why the parsed line is not an `IndexPackage` cargo takes as a version; undefined when it is. */
function packageProblem(json: Json, v: string | undefined): string | undefined {
  const { name, vers, deps, features, features2, cksum, yanked, links } = json;
  if (!isText(name)) return 'its `name` is missing or not text';
  if (!isText(vers) || !isCargoVersion(vers)) return 'its `vers` is not a version cargo reads';
  if (!Array.isArray(deps)) return 'it has no `deps` list';
  if (!(features === undefined || isFeatureMap(features)))
    return 'its `features` is not a map of lists of names';
  if (!isOptional(features2, isFeatureMap)) return 'its `features2` is not a map of lists of names';
  if (!isText(cksum)) return 'its `cksum` is missing or not text';
  if (!isOptional(yanked, isBool)) return 'its `yanked` is not true, false or null';
  if (!isOptional(links, isText)) return 'its `links` is not text';
  if (!isOptional(json.rust_version, isRustVersion))
    return 'its `rust_version` is not one cargo reads';
  if (!isOptional(json.pubtime, isPubtime)) return 'its `pubtime` is not a time cargo reads';
  if (json.v !== undefined && json.v !== null) {
    if (v === undefined || !/^(0|[1-9]\d{0,9})$/.test(v) || Number(v) > 0xffffffff) {
      return 'its schema version `v` is not a whole number';
    }
    if (Number(v) > INDEX_V_MAX)
      return `its schema version \`v\` is newer than cargo 1.95 reads (${INDEX_V_MAX})`;
  }
  for (const dep of deps) {
    const problem = dependencyProblem(dep);
    if (problem !== undefined) return problem;
  }
  const merged = new Map<string, string[]>(
    Object.entries((features as Json | undefined) ?? {}) as [string, string[]][],
  );
  for (const [key, list] of Object.entries((features2 as Json | null | undefined) ?? {})) {
    merged.set(key, [...(merged.get(key) ?? []), ...(list as string[])]);
  }
  return featuresProblem(merged, deps as Json[]);
}

/** Reads one line of an index file (without its `\n`) as cargo would. */
export function readIndexLine(line: string): LineReading {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { kind: 'skipped', why: 'it is not JSON' };
  }
  if (!isObject(json)) return { kind: 'skipped', why: 'it is not a JSON object' };
  // The slow look at the text only when the fast one says it is needed.
  const numericV = typeof json.v === 'number';
  const shape =
    numericV || keysIn(json) !== keysWritten(line)
      ? structure(line)
      : { repeated: undefined, identityRepeated: false, v: undefined };
  // What cargo falls back on when the line is not a full entry: its name and version alone.
  const { name, vers } = json;
  const claims =
    !shape.identityRepeated && isText(name) && isText(vers) && isCargoVersion(vers)
      ? { claims: { name, vers } }
      : {};
  if (shape.repeated !== undefined) {
    return { kind: 'skipped', why: `it gives the field \`${shape.repeated}\` twice`, ...claims };
  }
  const problem = packageProblem(json, numericV ? shape.v : undefined);
  if (problem !== undefined) return { kind: 'skipped', why: problem, ...claims };
  return {
    kind: 'entry',
    name: json.name as string,
    vers: json.vers as string,
    yanked: json.yanked === true,
  };
}
