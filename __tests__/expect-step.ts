import type { StepResult } from '../rig/runner.js';

/** The one error annotation a failed step shows; fails the test if there is not exactly one. */
export function theError(step: StepResult): string {
  const errors = step.annotations.filter((a) => a.level === 'error');
  expect(errors).toHaveLength(1);
  return errors[0]?.message ?? '';
}

/**
 * A call that was retried until the policy gave up: the message states the number of attempts
 * the server saw, at most five, and each retry had its log line. In a long outage the time
 * budget may end a call before its fifth attempt, so the count itself is not fixed. The budget
 * can also run out after a retry was announced, while that try fetched its fresh ID token (a
 * loaded machine at a small time scale): then the message says so, names the last failure, and
 * every attempt the server saw had its retry line.
 */
export function expectGaveUp(step: StepResult, message: string, seen: number, atLeast = 3): void {
  expect(seen).toBeGreaterThanOrEqual(atLeast);
  expect(seen).toBeLessThanOrEqual(5);
  expect(message).toContain(`(after ${seen} attempts)`);
  const outOfTime =
    / did not finish within its [\d.]+ s budget \(after \d attempts\)\. The last failure: /.test(
      message,
    );
  expect(step.log.filter((line) => / \(attempt \d of 5\); next try in /.test(line))).toHaveLength(
    outOfTime ? seen : seen - 1,
  );
}
/** The one warning annotation a step shows. */
export function theWarning(step: StepResult): string {
  const warnings = step.annotations.filter((a) => a.level === 'warning');
  expect(warnings).toHaveLength(1);
  return warnings[0]?.message ?? '';
}

/** A line of the step summary that gives a section's answer. */
const STATUS = /^(✅|⚠️|❌) /u;

/**
 * Every status line of each step's summary is a paragraph of its own, as GitHub renders
 * Markdown: a blank line (or the start) before it and a blank line (or the end) after it, and
 * each step that wrote a summary has at least one.
 */
export function expectStatusParagraphs(...steps: StepResult[]): void {
  for (const step of steps) {
    if (step.summary === '') continue;
    const lines = step.summary.split('\n');
    const status = lines.flatMap((line, i) => (STATUS.test(line) ? [i] : []));
    expect(status.length).toBeGreaterThan(0);
    for (const i of status) {
      expect({ before: lines[i - 1] ?? '', line: lines[i], after: lines[i + 1] ?? '' }).toEqual({
        before: '',
        line: lines[i],
        after: '',
      });
    }
  }
}
