/**
 * Warnings said before the exchange: a trigger crates.io refuses, inputs that are valid but
 * most likely not what was meant, and the snippet that gives a job an ID token.
 */
import type { Inputs } from '../inputs/read-inputs.js';
import { DEFAULT_REGISTRY_URL } from '../inputs/registry-url.js';
import type { RunEvent } from '../runner/environment.js';

const REFUSED_TRIGGERS = ['pull_request_target', 'workflow_run'];

/** crates.io refuses these triggers outright; say so before the exchange, in words of our own. */
export function triggerWarning(event: RunEvent, baseUrl: string): string | undefined {
  if (baseUrl !== DEFAULT_REGISTRY_URL || !REFUSED_TRIGGERS.includes(event.name)) return undefined;
  return (
    `This run was triggered by \`${event.name}\`, and crates.io refuses trusted publishing from it ` +
    '(it can run with code or data from outside the repository). The exchange will most likely be ' +
    'refused: publish from `push` (tags), `release` or `workflow_dispatch` instead.'
  );
}

/** Inputs that are valid but most likely not what was meant. */
export function inputWarnings(inputs: Inputs): string[] {
  const { registryName, provider, registry, workspace, newCrates } = inputs;
  const skipAlone =
    newCrates === 'skip' && workspace === ''
      ? [
          'The `new-crates` input does nothing without `workspace`: only the check of a workspace finds new crates to leave out.',
        ]
      : [];
  return [
    ...skipAlone,
    ...registryNameWarnings(registryName, provider, registry.baseUrl, workspace),
  ];
}

function registryNameWarnings(
  registryName: string,
  provider: Inputs['provider'],
  baseUrl: string,
  workspace: string,
): string[] {
  if (registryName === '') return [];
  // The check of a workspace uses the name too: to find the index, and to read `publish`.
  if (provider === undefined && workspace === '') {
    return [
      'The `registry-name` input does nothing without `credential-provider: true` or `workspace`: give cargo the `token` output (as `CARGO_REGISTRIES_<NAME>_TOKEN`), or turn the provider on.',
    ];
  }
  if (provider !== undefined && baseUrl === DEFAULT_REGISTRY_URL) {
    return [
      `With \`registry-name: ${registryName}\` the provider serves \`cargo publish --registry ${registryName}\` only, and \`url\` is crates.io: to publish to crates.io itself (\`cargo publish\`), leave \`registry-name\` empty.`,
    ];
  }
  return [];
}

/** The snippet that gives a job an ID token. */
export const PERMISSIONS_SNIPPET = [
  'Add this to the job that runs this action (or at the top of the workflow):',
  '    permissions:',
  '      contents: read',
  '      id-token: write',
].join('\n');
