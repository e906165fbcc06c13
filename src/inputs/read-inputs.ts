import { ActionFailure } from '../errors/failure.js';
import type { Core } from '../runner/core.js';
import {
  DEFAULT_REGISTRY_URL,
  MAX_URL_LENGTH,
  parseAudience,
  parseRegistryUrl,
  type Registry,
} from './registry-url.js';
import { REGISTRY_NAME } from './cargo-names.js';

/** The registry as cargo knows it: crates.io, or one named in `[registries.NAME]`. */
export type CargoRegistry = { kind: 'crates-io' } | { kind: 'named'; name: string };

export interface Inputs {
  registry: Registry;
  revoke: boolean;
  /** Set when `credential-provider` is on: the registry cargo will ask the provider for. */
  provider: CargoRegistry | undefined;
  /** cargo's name for the registry, as given (empty for crates.io). */
  registryName: string;
  /** The `workspace` input as given: the directory to check before the release; '' for none. */
  workspace: string;
  /** What the check does with a crate the registry does not have: fail the step, or leave it out. */
  newCrates: 'fail' | 'skip';
}

/**
 * The longest value each input may have. A longer one is refused in one short line that does
 * not echo it: a 100 KB value would otherwise fill the log and reach the servers.
 */
const MAX_LENGTH = {
  url: MAX_URL_LENGTH,
  // A domain, perhaps with a port: 253 characters and a little room.
  audience: 255,
  revoke: 100,
  'credential-provider': 100,
  // cargo's registry names are identifiers; 64 is more than any in use.
  'registry-name': 64,
  // A directory: room for any path a runner has, not for a pasted file.
  workspace: 4096,
  'new-crates': 100,
} as const;

type InputName = keyof typeof MAX_LENGTH;

/** An input, trimmed by core, within its bound. */
function readInput(core: Pick<Core, 'getInput'>, name: InputName): string {
  const value = core.getInput(name);
  const max = MAX_LENGTH[name];
  if (value.length > max) {
    throw new ActionFailure({
      kind: 'invalid-input',
      input: name,
      value,
      problem: `it may be at most ${max} characters.`,
      tooLong: true,
    });
  }
  return value;
}

/** Reads and validates every input before anything touches the network. */
export function readInputs(core: Pick<Core, 'getInput'>): Inputs {
  const baseUrl = parseRegistryUrl(readInput(core, 'url'));
  const audienceInput = readInput(core, 'audience');
  const audience = parseAudience(audienceInput, baseUrl);
  const revoke = parseBoolean('revoke', readInput(core, 'revoke'), true);
  const providerOn = parseBoolean(
    'credential-provider',
    readInput(core, 'credential-provider'),
    false,
  );
  const registryName = parseRegistryName(readInput(core, 'registry-name'));
  const workspace = parseWorkspace(readInput(core, 'workspace'));
  const newCrates = parseNewCrates(readInput(core, 'new-crates'));
  if (workspace !== '' && registryName === '' && baseUrl !== DEFAULT_REGISTRY_URL) {
    throw new ActionFailure({
      kind: 'missing-input',
      input: 'registry-name',
      reason:
        `\`workspace\` is set and \`url\` (${baseUrl}) is not crates.io, so the check of the workspace needs cargo's ` +
        'name for that registry, to find its index and the crates whose `publish` names it: the NAME of `[registries.NAME]` in its configuration.',
    });
  }
  return {
    registry: { baseUrl, audience, audienceFromInput: audienceInput !== '' },
    revoke,
    provider: providerOn ? cargoRegistry(registryName, baseUrl) : undefined,
    registryName,
    workspace,
    newCrates,
  };
}

/** `new-crates`: `fail` (the default) or `skip`. */
export function parseNewCrates(raw: string): 'fail' | 'skip' {
  if (raw === '' || raw === 'fail') return 'fail';
  if (raw === 'skip') return 'skip';
  throw new ActionFailure({
    kind: 'invalid-input',
    input: 'new-crates',
    value: raw,
    problem:
      'it must be `fail` (a crate the registry does not have fails the step) or `skip` (it is left out of the release, with the crates that depend on it).',
  });
}

/** A directory path: any characters a file system allows, none that no path can hold. */
export function parseWorkspace(raw: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u001f]/.test(raw)) return raw;
  throw new ActionFailure({
    kind: 'invalid-input',
    input: 'workspace',
    value: raw,
    problem: 'it holds a line break or another control character, which no directory name has.',
  });
}

/** The YAML 1.2 core-schema booleans, as `core.getBooleanInput` accepts; empty means the default. */
export function parseBoolean(input: InputName, raw: string, byDefault: boolean): boolean {
  if (raw === '') return byDefault;
  if (['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE'].includes(raw)) return false;
  throw new ActionFailure({
    kind: 'invalid-input',
    input,
    value: raw,
    problem: 'it must be `true` or `false`.',
  });
}

/** cargo's name for a registry: ASCII letters, digits, `-` and `_` (it becomes a variable's name). */
export function parseRegistryName(raw: string): string {
  const problem = raw === '' ? undefined : registryNameProblem(raw);
  if (problem === undefined) return raw;
  throw new ActionFailure({ kind: 'invalid-input', input: 'registry-name', value: raw, problem });
}

/** Why a name cannot be cargo's name for a registry other than crates.io, if it cannot. */
export function registryNameProblem(name: string): string | undefined {
  if (!REGISTRY_NAME.test(name)) {
    return "it must be the registry's name in cargo's configuration (`[registries.NAME]`): letters, digits, `-` and `_`.";
  }
  if (name.toLowerCase().replace(/_/g, '-') === 'crates-io') {
    return '`crates-io` is crates.io, which needs no name: leave `registry-name` empty.';
  }
  return undefined;
}

/**
 * The registry the provider serves. Without a name it is crates.io, so a `url` that is not
 * crates.io needs the name cargo knows that registry by.
 */
function cargoRegistry(name: string, baseUrl: string): CargoRegistry {
  if (name !== '') return { kind: 'named', name };
  if (baseUrl === DEFAULT_REGISTRY_URL) return { kind: 'crates-io' };
  throw new ActionFailure({
    kind: 'missing-input',
    input: 'registry-name',
    reason:
      `\`credential-provider\` is on and \`url\` (${baseUrl}) is not crates.io, so the provider needs cargo's ` +
      'name for that registry: the NAME of `[registries.NAME]` in its configuration, as in `cargo publish --registry NAME`.',
  });
}
