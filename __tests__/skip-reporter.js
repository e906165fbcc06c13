// A jest reporter: beside jest's own summary, one line per test that was skipped on purpose
// (its name says why, see skip.ts), so a run that did not test everything says so.

/** Must match SKIPPED in skip.ts. */
const SKIPPED = '[skipped:';

export default class SkipReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.testResults.flatMap((file) =>
      file.testResults
        .filter((test) => test.status === 'pending' && test.title.includes(SKIPPED))
        .map((test) => test.fullName),
    );
    if (skipped.length === 0) return;
    const lines = skipped.map((name) => `  ○ ${name}`);
    process.stderr.write(
      `\nSkipped, ${skipped.length} test${skipped.length === 1 ? '' : 's'} that did not run here, and why:\n${lines.join('\n')}\n`,
    );
  }
}
