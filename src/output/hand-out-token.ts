import type { MintedToken } from '../exchange/mint-token.js';
import type { CargoRegistry, Inputs } from '../inputs/read-inputs.js';
import { installProvider, type ProviderProgram } from '../provider/install-provider.js';
import type { Core } from '../runner/core.js';
import { saveHandover } from '../state/state.js';

/**
 * Masks the token (again: masking is idempotent and must precede any write), leaves post what
 * it needs to revoke it, installs the credential provider if asked, and only then outputs the
 * token: no failure in between can leave a token out in the job that post does not know about.
 * Returns the variable that points cargo at the provider, if one was installed.
 */
export function handOutToken(
  core: Pick<Core, 'setSecret' | 'setOutput' | 'saveState' | 'exportVariable'>,
  inputs: Inputs,
  minted: MintedToken,
  provider:
    { dir: string; identity: string; program: ProviderProgram; cargo: CargoRegistry } | undefined,
): string | undefined {
  const { token } = minted;
  core.setSecret(token);
  const { baseUrl } = inputs.registry;
  const providerDir =
    provider === undefined
      ? {}
      : { providerDir: { path: provider.dir, identity: provider.identity } };
  saveHandover(
    core,
    inputs.revoke
      ? { kind: 'revoke', baseUrl, token, ...providerDir }
      : { kind: 'keep', baseUrl, ...providerDir },
  );
  const variable =
    provider &&
    installProvider(core, {
      ...provider,
      registry: inputs.registry,
      revoke: inputs.revoke,
      minted,
    });
  core.setOutput('token', token);
  return variable;
}
