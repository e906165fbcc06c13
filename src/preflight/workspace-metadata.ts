import { parseJson } from '../http/error-body.js';
import { CRATE_NAME, REGISTRY_NAME, VERSION } from '../inputs/cargo-names.js';

/** A member of the workspace, as `cargo metadata` describes it. */
export interface WorkspaceCrate {
  name: string;
  version: string;
  /** `package.publish`: null for any registry, [] for `publish = false`, or the registries named. */
  publish: string[] | null;
}

export type MetadataParse = { ok: true; crates: WorkspaceCrate[] } | { ok: false; problem: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads one entry of `packages`; a string saying what is wrong when it is not what cargo prints. */
function parsePackage(value: unknown): WorkspaceCrate | string {
  if (!isObject(value)) return 'a package that is not an object';
  const { name, version, publish } = value;
  if (typeof name !== 'string' || !CRATE_NAME.test(name)) {
    return 'a package without a name cargo publishes';
  }
  if (typeof version !== 'string' || !VERSION.test(version)) {
    return 'a package without a version that reads';
  }
  if (publish === null || publish === undefined) return { name, version, publish: null };
  if (!Array.isArray(publish) || publish.length > 100) return 'a `publish` that is not a list';
  const names: string[] = [];
  for (const entry of publish) {
    if (typeof entry !== 'string' || !REGISTRY_NAME.test(entry)) {
      return 'a `publish` list with something that is not a registry name';
    }
    names.push(entry);
  }
  return { name, version, publish: names };
}

/**
 * Reads the output of `cargo metadata --no-deps --format-version 1`: the members, in the
 * workspace's order (`workspace_members`, as written in `[workspace] members`). Never throws.
 */
export function parseMetadata(text: string): MetadataParse {
  const json = parseJson(text);
  if (!isObject(json)) return { ok: false, problem: 'printed something that is not its JSON' };
  const { packages, workspace_members: members } = json;
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
  // The members' order, when every member is a package listed; otherwise the packages' order.
  if (Array.isArray(members) && members.length === crates.length) {
    const ordered = members.map((id) => (typeof id === 'string' ? byId.get(id) : undefined));
    if (ordered.every((crate) => crate !== undefined)) return { ok: true, crates: ordered };
  }
  return { ok: true, crates };
}
