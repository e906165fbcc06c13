/**
 * cargo's names and versions as the action accepts them from the workspace, the index, the
 * provider's record and state: anything else is refused before it is shown or handed on, so an
 * output built from them is safe in a `run:` line.
 */

/** A package's name (ASCII letters, digits, `-`, `_`; crates.io: at most 64 characters). */
export const CRATE_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A package's name as cargo allows it (`validate_package_name`: a Unicode XID start or `_`,
 * then XID characters or `-`), bounded. None of these characters means anything to a shell, so
 * `--exclude NAME` stays one word in a `run:` line whatever registry the package goes to.
 */
export const CARGO_PACKAGE_NAME = /^[\p{XID_Start}_][\p{XID_Continue}-]{0,999}$/u;

/** A semver version, pre-release and build parts included, bounded. */
export const VERSION = /^[0-9A-Za-z.+-]{1,100}$/;

/** A registry's name in cargo's configuration (`[registries.NAME]`, `publish = ["NAME"]`). */
export const REGISTRY_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** `name@version`, as main hands the crates of its check to post. */
export function isCrateAtVersion(entry: string): boolean {
  const at = entry.indexOf('@');
  return at !== -1 && CRATE_NAME.test(entry.slice(0, at)) && VERSION.test(entry.slice(at + 1));
}

/**
 * A part of a configuration key as cargo reads it from the environment (`ConfigKey::push` in
 * cargo's context/key.rs): every `-` as `_`, then upper case. `my-priv-reg` → `MY_PRIV_REG`,
 * so `my-reg`, `my_reg` and `MY-REG` share their variables.
 */
export function envKeyPart(name: string): string {
  return name.replace(/-/g, '_').toUpperCase();
}

/** The variable cargo reads for `registries.NAME.KEY`: `CARGO_REGISTRIES_MY_PRIV_REG_INDEX`. */
export function registryVariable(name: string, key: string): string {
  return `CARGO_REGISTRIES_${envKeyPart(name)}_${envKeyPart(key)}`;
}
