import { mkdtempSync, writeFileSync } from 'node:fs';
import { join, posix, win32 } from 'node:path';
import type { MintedToken } from '../exchange/mint-token.js';
import { ActionFailure, onRunnerFile, type RunnerValue } from '../errors/failure.js';
import { registryVariable } from '../inputs/cargo-names.js';
import type { CargoRegistry } from '../inputs/read-inputs.js';
import type { Registry } from '../inputs/registry-url.js';
import { shown } from '../redact/redact.js';
import type { Core } from '../runner/core.js';
import { folderIdentity } from '../runner/untrusted-file.js';
import { PROVIDER_DIR_PREFIX } from './files.js';
import { writeProviderConfig } from './provider-config.js';
import { recordFiles, startRecord } from './token-record.js';

/** How a later step runs the provider: the node that runs this action, and the bundle. */
export interface ProviderProgram {
  node: string;
  script: string;
  platform: NodeJS.Platform;
}

const CONFIG_FILE = 'config.json';

/** The variable that makes cargo ask the provider for this registry, and only for it. */
export function providerVariable(cargo: CargoRegistry): string {
  return cargo.kind === 'crates-io'
    ? 'CARGO_REGISTRY_CREDENTIAL_PROVIDER'
    : registryVariable(cargo.name, 'credential-provider');
}

const shQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
/** cmd.exe: double quotes hold spaces and `&`; only `%` needs doubling inside them. */
const cmdQuote = (text: string): string => `"${text.replace(/%/g, '%%')}"`;

/**
 * The executable cargo runs. cargo passes `--cargo-plugin` and splits the variable's value on
 * spaces (so only the wrapper's own path must have none); words after the program would go to
 * the request, not to argv, so the wrapper carries node, the bundle and the configuration.
 * Windows has no `#!`: cargo runs a `.cmd` given by its full path through cmd.exe.
 */
export function wrapperFile(
  program: ProviderProgram,
  configPath: string,
): { name: string; text: string } {
  const header = "auth-action's cargo credential provider for this job, written by its main step.";
  if (program.platform === 'win32') {
    const command = [program.node, program.script, configPath].map(cmdQuote).join(' ');
    return {
      name: 'cargo-credential-auth-action.cmd',
      text: `@echo off\r\nrem ${header}\r\n${command} %*\r\n`,
    };
  }
  const command = [program.node, program.script, configPath].map(shQuote).join(' ');
  return {
    name: 'cargo-credential-auth-action',
    text: `#!/bin/sh\n# ${header}\nexec ${command} "$@"\n`,
  };
}

const refuse = (variable: RunnerValue, problem: string, cargoPath = false): never => {
  throw new ActionFailure({ kind: 'bad-environment', variable, problem, cargoPath });
};

/**
 * The job's temporary folder, if the provider can live there: cargo splits the provider's path
 * at whitespace, and cmd.exe reads a batch file in the console's code page, not UTF-8, so a
 * space (or, on Windows, a character that is not ASCII) is refused before any token is minted.
 */
export function providerHome(runnerTemp: string | undefined, program: ProviderProgram): string {
  if (runnerTemp === undefined || runnerTemp === '') return refuse('RUNNER_TEMP', 'is not set');
  const paths = program.platform === 'win32' ? win32 : posix;
  if (!paths.isAbsolute(runnerTemp)) return refuse('RUNNER_TEMP', 'is not an absolute path');
  if (/\s/.test(runnerTemp)) {
    return refuse(
      'RUNNER_TEMP',
      `(\`${shown(runnerTemp)}\`) contains a space, and cargo splits a credential provider's path at spaces`,
      true,
    );
  }
  if (program.platform === 'win32') {
    const named: [RunnerValue, string][] = [
      ['RUNNER_TEMP', runnerTemp],
      ['node executable', program.node],
      ['action folder', program.script],
    ];
    for (const [what, path] of named) {
      // eslint-disable-next-line no-control-regex
      if (/[^\x00-\x7f]/.test(path)) {
        refuse(
          what,
          `(\`${shown(path)}\`) has a character that is not ASCII, which cmd.exe would misread in the provider's .cmd wrapper`,
          true,
        );
      }
    }
  }
  return runnerTemp;
}

/** The provider's folder, and its identity (see folderIdentity), which post checks it by. */
export interface ProviderDir {
  dir: string;
  identity: string;
}

/**
 * The provider's folder, made before any token is minted, so that a RUNNER_TEMP that cannot be
 * written fails the step with nothing to revoke. Only this job's user can read it (mkdtemp
 * makes it 0700).
 */
export function makeProviderDir(
  runnerTemp: string | undefined,
  program: ProviderProgram,
): ProviderDir {
  const home = providerHome(runnerTemp, program);
  return onRunnerFile('RUNNER_TEMP', () => {
    const dir = mkdtempSync(join(home, PROVIDER_DIR_PREFIX));
    return { dir, identity: folderIdentity(dir) };
  });
}

/**
 * Records main's token as the first (post revokes it, the provider may hand it out while it is
 * young), writes the configuration and the wrapper, and points cargo at the wrapper for the rest of
 * the job. Returns the variable it set.
 */
export function installProvider(
  core: Pick<Core, 'exportVariable'>,
  settings: {
    dir: string;
    program: ProviderProgram;
    registry: Registry;
    cargo: CargoRegistry;
    revoke: boolean;
    minted: MintedToken;
  },
): string {
  const { dir, program, registry, cargo, revoke, minted } = settings;
  const files = recordFiles(dir);
  const configPath = join(dir, CONFIG_FILE);
  const wrapper = wrapperFile(program, configPath);
  const wrapperPath = join(dir, wrapper.name);
  onRunnerFile('RUNNER_TEMP', () => {
    startRecord(files, minted);
    writeProviderConfig(configPath, { registry, cargo, recordPath: files.record, revoke });
    writeFileSync(wrapperPath, wrapper.text, { encoding: 'utf8', mode: 0o700, flag: 'wx' });
  });
  const variable = providerVariable(cargo);
  core.exportVariable(variable, wrapperPath);
  return variable;
}
