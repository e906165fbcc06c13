import type { Core } from '../runner/core.js';
import { saveHandover } from '../state/state.js';
import type { Inputs } from '../inputs/read-inputs.js';

/**
 * Masks the token (again: masking is idempotent and must precede any write), leaves post what
 * it needs to revoke it, and only then outputs it: no failure in between can leave a token
 * out in the job that post does not know about.
 */
export function handOutToken(
  core: Pick<Core, 'setSecret' | 'setOutput' | 'saveState'>,
  inputs: Inputs,
  token: string,
): void {
  core.setSecret(token);
  const { baseUrl } = inputs.registry;
  saveHandover(
    core,
    inputs.revoke ? { kind: 'revoke', baseUrl, token } : { kind: 'keep', baseUrl },
  );
  core.setOutput('token', token);
}
