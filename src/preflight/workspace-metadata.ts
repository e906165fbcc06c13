import { parseJson } from '../http/error-body.js';
import { CARGO_PACKAGE_NAME, REGISTRY_NAME } from '../inputs/cargo-names.js';

/** A dependency of a member, as far as the check cares: which crate, which versions, how. */
export interface MemberDependency {
  /** The package depended on (not its name in Cargo.toml when renamed). */
  name: string;
  /** The version requirement, in cargo's syntax (`*` when none is given). */
  req: string;
  kind: 'normal' | 'dev' | 'build';
  /** A path dependency: another member of the workspace, or a crate beside it. */
  path: boolean;
}

/** A member of the workspace, as `cargo metadata` describes it. */
export interface WorkspaceCrate {
  name: string;
  version: string;
  /** `package.publish`: null for any registry, [] for `publish = false`, or the registries named. */
  publish: string[] | null;
  /** Its Cargo.toml, as cargo names it. */
  manifestPath: string;
  dependencies: MemberDependency[];
}

/** The workspace as cargo read it: its members in order, and the directory of its root manifest. */
export interface Workspace {
  crates: WorkspaceCrate[];
  root: string | undefined;
}

export type MetadataParse = ({ ok: true } & Workspace) | { ok: false; problem: string };

/** Bounds on what is taken from cargo's answer; a longer value is not a workspace cargo reads. */
const MAX_TEXT = 4096;
const MAX_DEPENDENCIES = 10_000;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= MAX_TEXT;

/** A dependency cargo lists; undefined for one the check has no use for or cannot read. */
function parseDependency(value: unknown): MemberDependency | undefined {
  if (!isObject(value)) return undefined;
  const { name, req, kind, path } = value;
  if (!isText(name) || !isText(req)) return undefined;
  const known = kind === null || kind === 'dev' || kind === 'build';
  if (!known) return undefined;
  return { name, req, kind: kind ?? 'normal', path: isText(path) };
}

/**
 * Reads one entry of `packages`; a string saying what is wrong when it is not what cargo
 * prints. Names and versions are held to cargo's own rules here; crates.io's stricter ones
 * apply only to the crates a release sends there (run-preflight.ts).
 */
function parsePackage(value: unknown): WorkspaceCrate | string {
  if (!isObject(value)) return 'a package that is not an object';
  const { name, version, publish, manifest_path: manifestPath, dependencies } = value;
  if (typeof name !== 'string' || !CARGO_PACKAGE_NAME.test(name)) {
    return 'a package without a name cargo allows';
  }
  if (!isText(version) || version === '') return 'a package without a version';
  if (!isText(manifestPath)) return 'a package without its manifest';
  const deps = Array.isArray(dependencies) ? dependencies.slice(0, MAX_DEPENDENCIES) : [];
  const parsed = {
    name,
    version,
    manifestPath,
    dependencies: deps.map(parseDependency).filter((dep) => dep !== undefined),
  };
  if (publish === null || publish === undefined) return { ...parsed, publish: null };
  if (!Array.isArray(publish) || publish.length > 100) return 'a `publish` that is not a list';
  const names: string[] = [];
  for (const entry of publish) {
    if (typeof entry !== 'string' || !REGISTRY_NAME.test(entry)) {
      return 'a `publish` list with something that is not a registry name';
    }
    names.push(entry);
  }
  return { ...parsed, publish: names };
}

/**
 * Reads the output of `cargo metadata --no-deps --format-version 1`: the members, in the
 * workspace's order (`workspace_members`, as written in `[workspace] members`), and the
 * workspace's root. Never throws.
 */
export function parseMetadata(text: string): MetadataParse {
  const json = parseJson(text);
  if (!isObject(json)) return { ok: false, problem: 'printed something that is not its JSON' };
  const { packages, workspace_members: members, workspace_root: root } = json;
  if (!Array.isArray(packages)) return { ok: false, problem: 'printed JSON without `packages`' };
  if (packages.length > 10_000) return { ok: false, problem: 'listed more than 10000 packages' };
  const byId = new Map<string, WorkspaceCrate>();
  const crates: WorkspaceCrate[] = [];
  for (const entry of packages) {
    const parsed = parsePackage(entry);
    if (typeof parsed === 'string') return { ok: false, problem: `listed ${parsed}` };
    crates.push(parsed);
    const id = isObject(entry) ? entry.id : undefined;
    if (typeof id === 'string') byId.set(id, parsed);
  }
  const workspaceRoot = isText(root) ? root : undefined;
  // The members' order, when every member is a package listed; otherwise the packages' order.
  if (Array.isArray(members) && members.length === crates.length) {
    const ordered = members.map((id) => (typeof id === 'string' ? byId.get(id) : undefined));
    if (ordered.every((crate) => crate !== undefined)) {
      return { ok: true, crates: ordered, root: workspaceRoot };
    }
  }
  return { ok: true, crates, root: workspaceRoot };
}
