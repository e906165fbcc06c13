import type { Diagnosis } from './explain-refusal.js';
import { shown } from '../redact/redact.js';

const AID =
  'These values come from this run’s ID token: a debugging aid to compare with the registry’s trusted publisher settings, not something to copy into them blindly.';

/** The diagnosis as one readable block for the log. */
export function diagnosisForLog(diagnosis: Diagnosis): string {
  const lines = ['What the registry compared, as this run’s ID token states it:'];
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

/** The diagnosis as Markdown for the step summary. */
export function diagnosisForSummary(heading: string, said: string, diagnosis: Diagnosis): string {
  const out = [`### ${cell(heading)}`, '', `> ${cell(said)}`, ''];
  out.push('| What the registry compared | Value in this run | What to check |');
  out.push('| --- | --- | --- |');
  for (const row of diagnosis.rows) {
    const name = row.flagged ? `**✗ ${cell(row.compared)}**` : cell(row.compared);
    out.push(`| ${name} | ${value(row.value)} | ${cell(row.check)} |`);
  }
  out.push('');
  if (diagnosis.hiddenCauses.length > 0) {
    out.push('The registry said only `Failed to decode JWT`, which hides:', '');
    for (const cause of diagnosis.hiddenCauses) {
      out.push(`- ${cause.likely ? '**Likely.**' : 'Unlikely.'} ${cell(cause.text)}`);
    }
    out.push('');
  }
  for (const note of diagnosis.notes) out.push(cell(note), '');
  out.push(`_${AID}_`, '');
  return out.join('\n');
}
