import type { Core } from '../runner/core.js';
import { saveHandover } from '../state/state.js';
import type { Inputs } from '../inputs/read-inputs.js';

/** Masks the token (again: masking is idempotent and must precede any write), outputs it, and leaves post what it needs. */
export function handOutToken(
  core: Pick<Core, 'setSecret' | 'setOutput' | 'saveState'>,
  inputs: Inputs,
  token: string,
): void {
  core.setSecret(token);
  core.setOutput('token', token);
  const { baseUrl } = inputs.registry;
  saveHandover(
    core,
    inputs.revoke ? { kind: 'revoke', baseUrl, token } : { kind: 'keep', baseUrl },
  );
}
