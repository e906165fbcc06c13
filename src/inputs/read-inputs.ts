import { ActionFailure } from '../errors/failure.js';
import type { Core } from '../runner/core.js';
import { MAX_URL_LENGTH, parseAudience, parseRegistryUrl, type Registry } from './registry-url.js';

export interface Inputs {
  registry: Registry;
  revoke: boolean;
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
  return {
    registry: { baseUrl, audience, audienceFromInput: audienceInput !== '' },
    revoke: parseRevoke(readInput(core, 'revoke')),
  };
}

/** The YAML 1.2 core-schema booleans, as `core.getBooleanInput` accepts; empty means the default. */
export function parseRevoke(raw: string): boolean {
  if (raw === '' || ['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE'].includes(raw)) return false;
  throw new ActionFailure({
    kind: 'invalid-input',
    input: 'revoke',
    value: raw,
    problem: 'it must be `true` or `false`.',
  });
}
