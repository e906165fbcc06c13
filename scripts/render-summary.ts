// `npm run render-summary -- OUT FILE.md|DIR ...`: step summaries as GitHub shows them, to look
// at rather than guess. Each Markdown file (or each `.md` in a folder, such as the one the rig
// fills when RIG_SUMMARY_DIR is set) becomes OUT/<name>.html, rendered as GitHub-flavoured
// Markdown (marked, a dev tool: nothing of it is in the action's bundle) with a stylesheet close
// to github.com's, in a box like a job summary's; with headless Chromium on the machine
// (CHROMIUM, else /usr/bin/chromium), also OUT/<name>.png.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { marked } from 'marked';
import { removeTreeSync } from '../rig/remove-tree.js';

/** github.com's Markdown look, the parts a step summary uses (primer's markdown-body, light). */
const CSS = `
body { margin: 0; padding: 24px; background: #f6f8fa; }
.summary { max-width: 880px; margin: 0 auto; background: #fff; border: 1px solid #d0d7de; border-radius: 6px; }
.summary > header { padding: 12px 16px; border-bottom: 1px solid #d0d7de; font: 600 14px -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; }
.markdown-body { padding: 16px 24px; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"; font-size: 14px; line-height: 1.5; color: #1f2328; word-wrap: break-word; }
.markdown-body > *:first-child { margin-top: 0 !important; }
.markdown-body p, .markdown-body blockquote, .markdown-body ul, .markdown-body ol, .markdown-body table, .markdown-body pre { margin-top: 0; margin-bottom: 16px; }
.markdown-body h3 { margin-top: 24px; margin-bottom: 16px; font-weight: 600; line-height: 1.25; font-size: 1.25em; }
.markdown-body a { color: #0969da; text-decoration: none; }
.markdown-body code { padding: .2em .4em; margin: 0; font-size: 85%; white-space: break-spaces; background-color: rgba(175,184,194,.2); border-radius: 6px; font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; }
.markdown-body pre { padding: 16px; overflow: auto; font-size: 85%; line-height: 1.45; background-color: #f6f8fa; border-radius: 6px; }
.markdown-body pre code { padding: 0; background: transparent; }
.markdown-body blockquote { padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
.markdown-body table { border-spacing: 0; border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; }
.markdown-body table th { font-weight: 600; }
.markdown-body table th, .markdown-body table td { padding: 6px 13px; border: 1px solid #d1d9e0; }
.markdown-body table tr { background-color: #fff; border-top: 1px solid #d1d9e0b3; }
.markdown-body table tr:nth-child(2n) { background-color: #f6f8fa; }
.markdown-body ul { padding-left: 2em; }
`;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One summary as a page: its Markdown rendered in a box headed with `title`. */
export function summaryPage(title: string, markdown: string): string {
  // GitHub sanitises raw HTML in a summary; the action writes none, so marked's output is shown.
  const body = marked.parse(markdown, { gfm: true, async: false });
  return `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body><div class="summary"><header>${escapeHtml(title)}</header><div class="markdown-body">${body}</div></div></body></html>`;
}

function chromium(): string | undefined {
  const path = process.env.CHROMIUM ?? '/usr/bin/chromium';
  return existsSync(path) ? path : undefined;
}

/** A PNG of a page, from headless Chromium with a profile of its own. */
function screenshot(browser: string, html: string, png: string, height: number): void {
  const profile = mkdtempSync(join(tmpdir(), 'auth-action-chromium-'));
  try {
    const run = spawnSync(
      browser,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        `--user-data-dir=${profile}`,
        `--screenshot=${png}`,
        `--window-size=1000,${height}`,
        `file://${html}`,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    if (run.status !== 0) throw new Error(`chromium failed: ${run.stderr}`);
  } finally {
    removeTreeSync(profile);
  }
}

function markdownFiles(paths: string[]): string[] {
  return paths.flatMap((path) =>
    statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => name.endsWith('.md'))
          .sort()
          .map((name) => join(path, name))
      : [path],
  );
}

if (
  process.argv[1] !== undefined &&
  resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)
) {
  const [out, ...inputs] = process.argv.slice(2);
  if (out === undefined || inputs.length === 0) {
    console.error('usage: npm run render-summary -- OUT_DIR FILE.md|DIR ...');
    process.exit(2);
  }
  mkdirSync(out, { recursive: true });
  const browser = chromium();
  if (browser === undefined) {
    console.error(
      `No Chromium at ${process.env.CHROMIUM ?? '/usr/bin/chromium'} (set CHROMIUM to its path): HTML only, no PNG.`,
    );
  }
  for (const file of markdownFiles(inputs)) {
    const markdown = readFileSync(file, 'utf8');
    // The rig's files start with an HTML comment naming the test and step.
    const title = /^<!-- (.*) -->\n/.exec(markdown)?.[1] ?? basename(file);
    const name = basename(file, '.md');
    const html = resolve(out, `${name}.html`);
    writeFileSync(html, summaryPage(title, markdown));
    const lines = markdown.split('\n').length;
    if (browser !== undefined) {
      screenshot(browser, html, resolve(out, `${name}.png`), Math.min(2400, 200 + lines * 40));
    }
    console.log(`${html}${browser === undefined ? '' : ` and ${name}.png`}`);
  }
}
