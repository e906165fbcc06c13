// `npm run lint:links`: remark-validate-links, offline, over the project's Markdown. Here on
// files of its own, to see that a broken relative link or #anchor fails the lint.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acceptable } from '../../scripts/licenses.mjs';
import { checkAnchors, remark } from '../../scripts/summary-links.js';
import { TROUBLESHOOTING } from '../../src/output/summary.js';
import { removeTreeSync } from '../../rig/remove-tree.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = (name: string) =>
  JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
    license: string;
  };

/** `npm run lint:links`'s command, on `files` in a folder of their own. */
function checkLinks(files: Record<string, string>): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'auth-action-links-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return remark(dir, ['.']);
  } finally {
    removeTreeSync(dir);
  }
}

const DOC = '# Security model\n\n## What is trusted\n\nText.\n';

test('links to files and headings that exist pass', () => {
  const readme =
    '# A\n\nSee [security](docs.md#what-is-trusted), [the top](#a) and [b](docs.md).\n';
  expect(checkLinks({ 'README.md': readme, 'docs.md': DOC })).toEqual({ status: 0, output: '' });
});

test('a broken relative link fails the lint, naming the file and line', () => {
  const { status, output } = checkLinks({ 'README.md': '# A\n\nSee [it](docs/gone.md).\n' });
  expect(status).toBe(1);
  expect(output).toContain('README.md');
  expect(output).toMatch(/3:5-3:\d+ +warning +Cannot find file `/);
  // The checker names the file with path.relative: `docs\gone.md` on Windows.
  expect(output).toContain(`Cannot find file \`${join('docs', 'gone.md')}\``);
});

test('an anchor that no heading makes fails the lint, in this file or another', () => {
  const readme = '# A\n\n[x](#nope) and [y](docs.md#what-is-not-trusted)\n';
  const { status, output } = checkLinks({ 'README.md': readme, 'docs.md': DOC });
  expect(status).toBe(1);
  expect(output).toContain('Cannot find heading for `#nope`');
  expect(output).toContain('Cannot find heading for `#what-is-not-trusted` in `docs.md`');
});

test('the link checker’s licences are among those the project accepts', () => {
  expect(
    ['remark-cli', 'remark-validate-links'].map((name) => acceptable(pkg(name).license)),
  ).toEqual([true, true]);
});

test('the step summary links only to sections docs/troubleshooting.md has; a wrong anchor fails the lint', () => {
  expect(checkAnchors(Object.values(TROUBLESHOOTING))).toEqual({ ok: true, output: '' });
  const wrong = checkAnchors(['the-revocation', 'the-revocations']);
  expect(wrong.ok).toBe(false);
  expect(wrong.output).toContain(
    'Cannot find heading for `#the-revocations` in `../docs/troubleshooting.md`',
  );
});
