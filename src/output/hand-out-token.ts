import type { MintedToken } from '../exchange/mint-token.js';
import type { CargoRegistry, Inputs } from '../inputs/read-inputs.js';
import {
  installProvider,
  makeProviderDir,
  type ProviderProgram,
} from '../provider/install-provider.js';
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
  provider: { runnerTemp: string; program: ProviderProgram; cargo: CargoRegistry } | undefined,
): string | undefined {
  const { token } = minted;
  core.setSecret(token);
  const { baseUrl } = inputs.registry;
  const dir = provider && makeProviderDir(provider.runnerTemp);
  const providerDir = dir === undefined ? {} : { providerDir: dir };
  saveHandover(
    core,
    inputs.revoke
      ? { kind: 'revoke', baseUrl, token, ...providerDir }
      : { kind: 'keep', baseUrl, ...providerDir },
  );
  const variable =
    provider &&
    dir &&
    installProvider(core, {
      ...provider,
      dir,
      registry: inputs.registry,
      revoke: inputs.revoke,
      minted,
    });
  core.setOutput('token', token);
  return variable;
}
