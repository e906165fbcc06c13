/**
 * How every section of the step summary is laid out: it leads with a status line (the answer:
 * ✅, ⚠️ or ❌ and the outcome), and each block is a paragraph of its own, so that GitHub never
 * joins a status line to the text before or after it.
 */

/** The answer a section gives, at a glance. */
export type Mark = '✅' | '⚠️' | '❌';

/**
 * The sections of docs/troubleshooting.md a summary links to, by their anchors as GitHub makes
 * them. `npm run lint:links` checks each against the file's headings.
 */
export const TROUBLESHOOTING = {
  'exchange-refused': 'the-registry-refused-the-exchange',
  revocation: 'the-revocation',
  'not-out': 'the-release-report-says-a-crate-is-not-out',
  'new-crate': 'a-crate-the-registry-does-not-have',
  'index-unreadable': 'the-index-could-not-be-read',
  'before-exchange': 'failures-before-the-exchange',
} as const;

export type TroubleshootingSection = keyof typeof TROUBLESHOOTING;

/** The status line that leads a section: the mark, then the answer. */
export function statusLine(mark: Mark, answer: string): string {
  return `${mark} ${answer}`;
}

/**
 * A section of the step summary from its blocks (a heading, a status line, a table...): each
 * a paragraph of its own, the section opened and closed by a blank line so that nothing
 * written before or after it runs into it. Empty blocks are left out.
 */
export function summarySection(...blocks: (string | undefined)[]): string {
  const kept = blocks
    .map((block) => (block ?? '').replace(/^\n+|\n+$/g, ''))
    .filter((block) => block !== '');
  return `\n${kept.join('\n\n')}\n\n`;
}

function sectionUrl(docs: string, section: TroubleshootingSection): string {
  return `${docs}troubleshooting.md#${TROUBLESHOOTING[section]}`;
}

/**
 * Each link the summary may hold, as Markdown writes its target (`(URL)`): the redactor leaves
 * these whole (Redactor.keep), where its rule for outside text would cut the `#section`.
 */
export function summaryLinks(docs: string | undefined): string[] {
  if (docs === undefined) return [];
  return (Object.keys(TROUBLESHOOTING) as TroubleshootingSection[]).map(
    (section) => `(${sectionUrl(docs, section)})`,
  );
}

/**
 * A link to a section of docs/troubleshooting.md at the action's own version (`docs`: where
 * the runner says the action comes from); without it, the file and section named in words.
 */
export function troubleshootingLink(
  docs: string | undefined,
  section: TroubleshootingSection,
  text: string,
): string {
  return docs === undefined
    ? `${text} in auth-action's docs/troubleshooting.md`
    : `[${text}](${sectionUrl(docs, section)})`;
}
