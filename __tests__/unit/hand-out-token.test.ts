/**
 * handOutToken's promise, on its own: the token is masked before the first file command that
 * carries anything of it (state, the provider's files and variable, the output), whatever else
 * masked it earlier. The exchange masks it too, so only this test sees the order here.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkRegistryUrl } from '../../src/inputs/registry-url.js';
import type { Inputs } from '../../src/inputs/read-inputs.js';
import { handOutToken } from '../../src/output/hand-out-token.js';
import { makeProviderDir } from '../../src/provider/install-provider.js';
import { removeTreeSync } from '../../rig/remove-tree.js';

const TOKEN = 'cio_tp_0123456789abcdef0123456789abcdef';

function recording() {
  const order: string[] = [];
  const core = {
    setSecret: (secret: string) => order.push(`mask ${secret}`),
    setOutput: (name: string) => order.push(`output ${name}`),
    saveState: (name: string) => order.push(`state ${name}`),
    exportVariable: (name: string) => order.push(`env ${name}`),
  };
  return { core, order };
}

function inputs(revoke: boolean, provider: Inputs['provider']): Inputs {
  const url = checkRegistryUrl('https://crates.io');
  if (!url.ok) throw new Error(url.problem);
  return {
    registry: { baseUrl: url.baseUrl, audience: 'crates.io', audienceFromInput: false },
    revoke,
    provider,
    registryName: '',
    workspace: '',
    newCrates: 'fail',
  };
}

let runnerTemp: string;
beforeEach(() => {
  runnerTemp = mkdtempSync(join(tmpdir(), 'auth-action-hand-out-'));
});
afterEach(() => {
  removeTreeSync(runnerTemp);
});

test.each([
  ['revoke: true', true, false],
  ['revoke: false', false, false],
  ['revoke: true, with the credential provider', true, true],
  ['revoke: false, with the credential provider', false, true],
])('%s: the mask comes first, the output last', (_, revoke, withProvider) => {
  const { core, order } = recording();
  const program = { node: process.execPath, script: '/x/provider.js', platform: process.platform };
  const provider = withProvider
    ? {
        cargo: { kind: 'crates-io' as const },
        program,
        ...makeProviderDir(runnerTemp, program),
      }
    : undefined;

  handOutToken(core, inputs(revoke, provider?.cargo), { token: TOKEN, mintedAt: 0 }, provider);

  expect(order[0]).toBe(`mask ${TOKEN}`);
  expect(order.at(-1)).toBe('output token');
  expect(order.filter((entry) => entry.startsWith('state ')).length).toBeGreaterThan(0);
  expect(order.includes('env CARGO_REGISTRY_CREDENTIAL_PROVIDER')).toBe(withProvider);
  // Post finds the provider's folder, and the tokens recorded in it, only through state.
  expect(order.includes('state providerDir')).toBe(withProvider);
  // ...and checks it is the folder main made by the identity main saw.
  expect(order.includes('state providerDirIdentity')).toBe(withProvider);
});
