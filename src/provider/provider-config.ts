import { writeFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { ActionFailure } from '../errors/failure.js';
import { registryNameProblem, type CargoRegistry } from '../inputs/read-inputs.js';
import { checkRegistryUrl, type Registry } from '../inputs/registry-url.js';
import { readUntrustedFile, UntrustedFileError } from '../runner/untrusted-file.js';

/** What main tells the provider, in a file only this job can read (mode 0600, RUNNER_TEMP). */
export interface ProviderConfig {
  registry: Registry;
  cargo: CargoRegistry;
  /** The job's record of minted tokens (see token-record.ts). */
  recordPath: string;
  /** Whether post revokes them (for the log; post decides from its own state). */
  revoke: boolean;
}

const FORMAT = 1;
/** main writes a few hundred bytes. */
const MAX_CONFIG_BYTES = 64 * 1024;

export function writeProviderConfig(path: string, config: ProviderConfig): void {
  writeFileSync(path, `${JSON.stringify({ format: FORMAT, ...config })}\n`, {
    encoding: 'utf8',
    mode: 0o600,
    flag: 'wx',
  });
}

function invalid(path: string, problem: string): ActionFailure {
  return new ActionFailure({
    kind: 'invalid-state',
    name: 'credential provider configuration',
    where: 'RUNNER_TEMP',
    value: path,
    problem,
  });
}

/**
 * Reads main's configuration back by the same rules as the inputs: a URL a token is sent to
 * is https (or loopback http) without credentials, whoever wrote the file.
 */
export function readProviderConfig(path: string): ProviderConfig {
  let text: string;
  try {
    // A later step may have replaced it: opened as untrusted, like the token record.
    text = readUntrustedFile(path, MAX_CONFIG_BYTES);
  } catch (error) {
    if (error instanceof UntrustedFileError) throw invalid(path, `${error.problem}.`);
    const gone = (error as { code?: unknown }).code === 'ENOENT';
    throw invalid(
      path,
      gone
        ? 'it is gone. The post step removes the provider when the job ends, so cargo ran after it (or in another job): run cargo between the auth-action step and the end of the job.'
        : 'it cannot be read.',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    throw invalid(path, 'it is not JSON.');
  }
  const config = (json ?? {}) as Partial<ProviderConfig> & { format?: unknown };
  if (config.format !== FORMAT)
    throw invalid(path, 'it was written by another version of auth-action.');
  const { registry, cargo, recordPath } = config;
  const url = checkRegistryUrl(typeof registry?.baseUrl === 'string' ? registry.baseUrl : '');
  if (!url.ok) throw invalid(path, `its registry URL is invalid: ${url.problem}`);
  const audience = registry?.audience;
  // eslint-disable-next-line no-control-regex
  if (typeof audience !== 'string' || audience === '' || /[\s\u0000-\u001f\u007f]/.test(audience)) {
    throw invalid(path, 'its audience is missing or has spaces.');
  }
  const named = cargo?.kind === 'named' && typeof cargo.name === 'string' && cargo.name !== '';
  if (cargo?.kind !== 'crates-io' && !named) throw invalid(path, 'it names no registry for cargo.');
  const nameProblem = cargo.kind === 'named' ? registryNameProblem(cargo.name) : undefined;
  if (nameProblem !== undefined)
    throw invalid(path, `its registry name is invalid: ${nameProblem}`);
  if (typeof recordPath !== 'string' || !isAbsolute(recordPath)) {
    throw invalid(path, 'it names no token record.');
  }
  return {
    registry: {
      baseUrl: url.baseUrl,
      audience,
      audienceFromInput: registry?.audienceFromInput === true,
    },
    cargo: cargo.kind === 'named' ? { kind: 'named', name: cargo.name } : { kind: 'crates-io' },
    recordPath,
    revoke: config.revoke !== false,
  };
}
