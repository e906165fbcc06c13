import { ActionFailure } from '../errors/failure.js';
import type { Core } from '../runner/core.js';
import { parseAudience, parseRegistryUrl, type Registry } from './registry-url.js';

export interface Inputs {
  registry: Registry;
  revoke: boolean;
}

/** Reads and validates every input before anything touches the network. */
export function readInputs(core: Pick<Core, 'getInput'>): Inputs {
  const baseUrl = parseRegistryUrl(core.getInput('url'));
  const audienceInput = core.getInput('audience');
  const audience = parseAudience(audienceInput, baseUrl);
  return {
    registry: { baseUrl, audience, audienceFromInput: audienceInput !== '' },
    revoke: parseRevoke(core.getInput('revoke')),
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
