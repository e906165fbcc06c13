import type { Diagnosis } from './explain-refusal.js';
import { statusLine, summarySection } from '../output/summary.js';
import { shown } from '../redact/redact.js';

const AID =
  "These values come from this run's ID token: a debugging aid to compare with the registry's trusted publisher settings, not something to copy into them blindly.";

/** The diagnosis as one readable block for the log. */
export function diagnosisForLog(diagnosis: Diagnosis): string {
  const lines = ["What the registry compared, as this run's ID token states it:"];
  for (const row of diagnosis.rows) {
    lines.push(`${row.flagged ? '  ✗ ' : '    '}${row.compared}: ${row.value}`);
    lines.push(`        ${row.check}`);
  }
  if (diagnosis.hiddenCauses.length > 0) {
    lines.push('The registry said only "Failed to decode JWT". That one message hides:');
    for (const cause of diagnosis.hiddenCauses) {
      lines.push(`  ${cause.likely ? 'LIKELY  ' : 'unlikely'} ${cause.text}`);
    }
  }
  for (const note of diagnosis.notes) lines.push(note);
  lines.push(AID);
  return lines.join('\n');
}

/** Table cells: no pipe or line break may break the table. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

/** A value from outside as code in a Markdown table cell: shown, bounded, no backtick inside. */
export function codeCell(text: string): string {
  return `\`${cell(shown(text, 100).replace(/`/g, "'"))}\``;
}

/** A claim's value as code; notes such as "(missing)" stay prose. */
function value(text: string): string {
  return text.startsWith('(') ? cell(text) : `\`${cell(text.replace(/`/g, "'"))}\``;
}

/**
 * The diagnosis as a section of the step summary: the answer and its fix first (`fix`, the
 * same words as the error annotation's), then what the registry compared, the rows it
 * complained about first, then its own words.
 */
export function diagnosisForSummary(
  heading: string,
  said: string,
  diagnosis: Diagnosis,
  fix: string,
): string {
  const rows = [
    ...diagnosis.rows.filter((r) => r.flagged),
    ...diagnosis.rows.filter((r) => !r.flagged),
  ];
  const table = [
    '| What the registry compared | Value in this run | What to check |',
    '| --- | --- | --- |',
    ...rows.map((row) => {
      const name = row.flagged ? `**✗ ${cell(row.compared)}**` : cell(row.compared);
      return `| ${name} | ${value(row.value)} | ${cell(row.check)} |`;
    }),
  ].join('\n');
  const causes =
    diagnosis.hiddenCauses.length === 0
      ? undefined
      : [
          'The registry said only `Failed to decode JWT`, which hides:',
          '',
          ...diagnosis.hiddenCauses.map(
            (cause) => `- ${cause.likely ? '**Likely.**' : 'Unlikely.'} ${cell(cause.text)}`,
          ),
        ].join('\n');
  return summarySection(
    `### ${cell(heading)}`,
    statusLine('❌', `**No publish token.** ${cell(fix)}`),
    table,
    `The registry said:\n\n> ${cell(said)}`,
    causes,
    ...diagnosis.notes.map(cell),
    `_${AID}_`,
  );
}
