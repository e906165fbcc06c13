// `npm run lint:links`, second half: the step summary links to sections of
// docs/troubleshooting.md (src/output/summary.ts, TROUBLESHOOTING). remark-validate-links checks
// each anchor against the file's headings, as it checks the Markdown files' own links, on a
// Markdown file written for the purpose.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeTreeSync } from '../rig/remove-tree.js';
import { TROUBLESHOOTING } from '../src/output/summary.js';

const root = fileURLToPath(new URL('../', import.meta.url));

/**
 * `npm run lint:links`'s check (remark with the project's .remarkrc.mjs: remark-validate-links,
 * offline) over `paths`, run in `cwd`: its exit status and complaints. One place for its options,
 * which the lint's own tests use too.
 */
export function remark(
  cwd: string,
  paths: readonly string[],
): { status: number | null; output: string } {
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'remark-cli', 'cli.js'),
      '--rc-path',
      join(root, '.remarkrc.mjs'),
      '--frail',
      '--quiet',
      '--no-stdout',
      '--no-color',
      ...paths,
    ],
    { cwd, encoding: 'utf8' },
  );
  return { status: run.status, output: run.stderr };
}

/**
 * remark-validate-links over links to `anchors` of docs/troubleshooting.md (or `doc`, a path
 * under the project): its complaints, if any. The file of links is written in a folder of its
 * own inside the project, for the time of the check, and the README and docs/ are checked with
 * it, as `npm run lint:links` checks them.
 */
export function checkAnchors(
  anchors: readonly string[],
  doc = 'docs/troubleshooting.md',
): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(root, '.summary-links-'));
  try {
    const links = anchors.map((anchor) => `- [${anchor}](../${doc}#${anchor})`);
    const file = join(dir, 'links.md');
    writeFileSync(file, `# The step summary's links\n\n${links.join('\n')}\n`);
    const run = remark(root, ['README.md', 'docs', relative(root, file)]);
    return { ok: run.status === 0, output: run.output };
  } finally {
    removeTreeSync(dir);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { ok, output } = checkAnchors(Object.values(TROUBLESHOOTING));
  if (!ok) {
    process.stderr.write(
      `The step summary links to sections docs/troubleshooting.md does not have (src/output/summary.ts):\n${output}`,
    );
    process.exitCode = 1;
  }
}
