import type { WorkspaceCrate } from './workspace-metadata.js';

/** The registry a release goes to, as cargo names it: crates.io, or `[registries.NAME]`. */
export type ReleaseTarget = { kind: 'crates-io' } | { kind: 'named'; name: string };

/** cargo's name for crates.io in `publish` lists and `--registry`. */
export const CRATES_IO = 'crates-io';

/**
 * Whether `cargo publish --workspace` to `target` takes this member, as cargo decides it
 * (`validate_registry` in cargo_publish.rs): `publish` unset allows any registry, `publish =
 * false` (an empty list) none and is skipped, a list only the registries it names.
 */
export function releasedTo(crate: WorkspaceCrate, target: ReleaseTarget): boolean {
  if (crate.publish === null) return true;
  const name = target.kind === 'crates-io' ? CRATES_IO : target.name;
  return crate.publish.includes(name);
}

/** Why a member is not released to `target`, in a few words for the table. */
export function notReleasedWhy(crate: WorkspaceCrate): string {
  if (crate.publish === null) return '';
  return crate.publish.length === 0
    ? 'publish = false'
    : `publish = [${crate.publish.map((name) => `"${name}"`).join(', ')}]`;
}
