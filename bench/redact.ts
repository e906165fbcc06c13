// `npx tsx bench/redact.ts`: how long one redaction takes in the worst case the caps allow:
// long repetitive tokens (4096 characters, the longest accepted) and a registry's error
// answer that repeats them, cut by the caps, as post would print it with several tokens known.
import { describeFailure } from '../src/errors/describe.js';
import { Redactor } from '../src/redact/redact.js';

const TOKENS = Number(process.env.BENCH_TOKENS ?? '4');
const RUNS = Number(process.env.BENCH_RUNS ?? '5');

function message(token: string, details: string[]): string {
  return describeFailure({
    kind: 'out-of-time',
    call: 'revoke',
    target: `https://crates.io/${token}`,
    budgetMs: 45_000,
    last: {
      kind: 'http-status',
      call: 'revoke',
      target: `https://crates.io/${token}`,
      status: 400,
      details,
      unexpectedBody: undefined,
    },
  });
}

const redactor = new Redactor();
// Repetitive: every position of the cut text starts another candidate for the secret's start.
const tokens = Array.from(
  { length: TOKENS },
  (_, i) => `${'a'.repeat(4095)}${String.fromCharCode(98 + i)}`,
);
for (const token of tokens) redactor.add(token);
const token = tokens[0] ?? '';
const cases: [string, string][] = [
  ['a run of the token cut by the caps', message(token, [token.repeat(3), token])],
  ['words full of cuts (`…`)', message(token, [`${token.slice(0, 60)}…`.repeat(40), token])],
  ['nothing but `…`', message(token, ['…'.repeat(2000)])],
];
for (const [name, text] of cases) {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    redactor.apply(text);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${TOKENS} tokens of 4096 characters, ${name} (${text.length} characters): ` +
      `median ${times[Math.floor(RUNS / 2)]?.toFixed(1)} ms, max ${times.at(-1)?.toFixed(1)} ms a redaction`,
  );
}
