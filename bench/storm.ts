// `npm run bench:storm`: a registry outage seen by a thousand publishing jobs at once.
// Each job runs the action's real retry code (callWithRetries with the main phase's policy,
// the real http-client transport and answer classification) on a virtual clock; requests go to
// a loopback registry that fails every request during the outage. Prints figures, writes a plot.
import { createServer } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { callWithRetries, type NetDeps } from '../src/http/call.js';
import { mainTiming } from '../src/http/policies.js';
import type { Clock } from '../src/http/retry.js';
import { httpClientTransport } from '../src/http/transport.js';
import { close, listen } from '../rig/http-util.js';

const JOBS = Number(process.env.STORM_JOBS ?? '1000');
const ARRIVAL_WINDOW_MS = 60_000;
const OUTAGE_START_MS = 0;
const OUTAGE_END_MS = 60_000;
const SEED = Number(process.env.STORM_SEED ?? '42');
/** After the plotted seed, the storm is run again under seeds 1..SWEEP for the spread. */
const SWEEP = Number(process.env.STORM_SWEEP ?? '20');
const PLOT = new URL('storm.svg', import.meta.url);

/** A small seeded generator (mulberry32), so a run can be repeated exactly. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Virtual time: sleeping queues an event; the loop advances when no request is in flight. */
class VirtualClock implements Clock {
  private time = 0;
  private sequence = 0;
  private readonly queue: { at: number; seq: number; wake: () => void }[] = [];
  inFlight = 0;
  readonly random: () => number;

  constructor(random: () => number) {
    this.random = random;
  }

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    return this.until(this.time + ms);
  }

  until(at: number): Promise<void> {
    return new Promise((wake) => {
      this.queue.push({ at, seq: this.sequence++, wake });
    });
  }

  async run(): Promise<void> {
    for (;;) {
      // Let every job reach its next sleep (its requests answered) before time moves.
      do await new Promise((resolve) => setImmediate(resolve));
      while (this.inFlight > 0);
      if (this.queue.length === 0) return;
      this.queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.queue.shift();
      if (next === undefined) return;
      this.time = Math.max(this.time, next.at);
      next.wake();
    }
  }
}

const { policy, budgetMs } = mainTiming();
const quiet = { info: () => undefined, debug: () => undefined, setSecret: () => undefined };
const normalRate = JOBS / (ARRIVAL_WINDOW_MS / 1000);

/** One storm: every job's start and outcome, and the virtual time of every request. */
async function storm(seed: number) {
  const clock = new VirtualClock(seeded(seed));
  const random = seeded(seed + 1);
  /** Virtual time of every request the registry received. */
  const requests: number[] = [];
  const registry = createServer((req, res) => {
    const at = Number(req.headers['x-virtual-ms']);
    const ok = at < OUTAGE_START_MS || at >= OUTAGE_END_MS;
    requests.push(at);
    req.resume();
    req.on('end', () => {
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
      res.end(
        ok ? '{"token":"cio_tp_simulated"}' : '{"errors":[{"detail":"Service Unavailable"}]}',
      );
    });
  });
  const url = `http://127.0.0.1:${await listen(registry)}`;

  async function job(start: number): Promise<{ ok: boolean; attempts: number }> {
    await clock.until(start);
    let attempts = 0;
    const net: NetDeps = {
      core: quiet,
      transport: async (request, timeoutMs) => {
        clock.inFlight++;
        try {
          return await httpClientTransport(request, timeoutMs);
        } finally {
          clock.inFlight--;
        }
      },
      clock,
      policy,
      budgetMs,
      deadline: start + budgetMs,
    };
    try {
      await callWithRetries(
        net,
        'exchange',
        url,
        () => {
          attempts++;
          return Promise.resolve({
            call: 'exchange' as const,
            method: 'POST' as const,
            url: `${url}/api/v1/trusted_publishing/tokens`,
            headers: { 'content-type': 'application/json', 'x-virtual-ms': String(clock.now()) },
            body: '{"jwt":"simulated"}',
          });
        },
        () => ({ done: true, value: undefined }),
      );
      return { ok: true, attempts };
    } catch {
      return { ok: false, attempts };
    }
  }

  const starts = Array.from({ length: JOBS }, () => Math.floor(random() * ARRIVAL_WINDOW_MS));
  const results = Promise.all(starts.map(job));
  await clock.run();
  const outcomes = await results;
  await close(registry);
  return figures(starts, outcomes, requests);
}

/** The mean of each whole 5 second window in a series of per-second counts. */
const fiveSecondMeans = (series: number[]) =>
  series.slice(0, Math.max(0, series.length - 4)).map((_, i) => {
    const window = series.slice(i, i + 5);
    return window.reduce((a, b) => a + b, 0) / 5;
  });

function figures(
  starts: number[],
  outcomes: { ok: boolean; attempts: number }[],
  requests: number[],
) {
  const end = Math.max(...requests) + 1000;
  const perSecond = Array.from({ length: Math.ceil(end / 1000) }, () => 0);
  for (const at of requests)
    perSecond[Math.floor(at / 1000)] = (perSecond[Math.floor(at / 1000)] ?? 0) + 1;
  /** Requests per second, averaged over a 5 s window: arrivals alone are bursty second by second. */
  const smoothed = perSecond.map((_, i) => {
    const window = perSecond.slice(Math.max(0, i - 2), i + 3);
    return window.reduce((a, b) => a + b, 0) / window.length;
  });
  const perJob = outcomes.map((o) => o.attempts);
  // After recovery, only windows that lie wholly after it: a window across the boundary would
  // count outage-time requests as recovery load.
  const afterRecovery = perSecond.slice(OUTAGE_END_MS / 1000);
  return {
    end,
    perSecond,
    smoothed,
    meanPerJob: perJob.reduce((a, b) => a + b, 0) / JOBS,
    maxPerJob: Math.max(...perJob),
    peakDuring: Math.max(...fiveSecondMeans(perSecond.slice(0, OUTAGE_END_MS / 1000))),
    peakAfter: Math.max(...fiveSecondMeans(afterRecovery)),
    peakSecondAfter: Math.max(...afterRecovery),
    // A job "outlasts the outage" when its budget (start + 3 min) ends after the registry recovers.
    outlasting: starts.filter((s) => s + budgetMs > OUTAGE_END_MS).length,
    recovered: outcomes.filter((o) => o.ok).length,
    gaveUp: outcomes.filter((o) => !o.ok).length,
  };
}

const run = await storm(SEED);
const { end, perSecond, smoothed } = run;
const times = (rate: number) => `${rate.toFixed(1)} req/s (${(rate / normalRate).toFixed(2)}×)`;

console.log(
  `Retry storm: ${JOBS} jobs arriving uniformly over ${ARRIVAL_WINDOW_MS / 1000} s; the registry fails every request from ${OUTAGE_START_MS / 1000} s to ${OUTAGE_END_MS / 1000} s.`,
);
console.log(
  `Policy: at most ${policy.maxAttempts} attempts, full jitter under ${policy.backoffCapsMs.map((cap) => `${cap / 1000} s`).join(', then ')}, the last try late; budget ${budgetMs / 1000} s. Seed ${SEED}.`,
);
console.log('');
console.log('| figure | value | goal |');
console.log('| --- | --- | --- |');
console.log(
  `| requests per job: mean / max | ${run.meanPerJob.toFixed(2)} / ${run.maxPerJob} | ≤ 5 |`,
);
console.log(`| normal arrival rate | ${normalRate.toFixed(1)} req/s | |`);
console.log(`| peak rate during the outage (5 s window) | ${times(run.peakDuring)} | |`);
console.log(`| peak rate after recovery (5 s window) | ${times(run.peakAfter)} | ≤ 2× |`);
console.log(`| peak in any single second after recovery | ${run.peakSecondAfter} req | |`);
console.log(`| jobs whose 3 min budget outlasts the outage | ${run.outlasting} of ${JOBS} | |`);
console.log(`| jobs that got a token | ${run.recovered} of ${JOBS} | all ${run.outlasting} |`);
console.log(`| jobs that gave up | ${run.gaveUp} | 0 |`);

// The plot: requests per second over time, the outage shaded, the normal rate and 2× marked.
const width = 760;
const height = 300;
const pad = { left: 50, right: 20, top: 30, bottom: 40 };
const maxY = Math.max(2.2 * normalRate, ...perSecond) * 1.05;
const x = (ms: number) => pad.left + (ms / end) * (width - pad.left - pad.right);
const y = (rate: number) => height - pad.bottom - (rate / maxY) * (height - pad.top - pad.bottom);
const line = (series: number[]) =>
  series
    .map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i * 1000 + 500).toFixed(1)},${y(v).toFixed(1)}`)
    .join(' ');
const ticks = Array.from({ length: Math.floor(end / 30000) + 1 }, (_, i) => i * 30000);
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="11">
<rect width="100%" height="100%" fill="white"/>
<text x="${pad.left}" y="18" font-size="13">Requests per second at the registry: ${JOBS} jobs, outage 0–60 s (seed ${SEED})</text>
<rect x="${x(OUTAGE_START_MS)}" y="${pad.top}" width="${x(OUTAGE_END_MS) - x(OUTAGE_START_MS)}" height="${height - pad.top - pad.bottom}" fill="#fde2e2"/>
<text x="${x(OUTAGE_START_MS) + 4}" y="${pad.top + 12}" fill="#b00">outage</text>
<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(normalRate)}" y2="${y(normalRate)}" stroke="#888" stroke-dasharray="4 3"/>
<text x="${width - pad.right - 90}" y="${y(normalRate) - 4}" fill="#555">normal arrivals</text>
<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(2 * normalRate)}" y2="${y(2 * normalRate)}" stroke="#c60" stroke-dasharray="2 3"/>
<text x="${width - pad.right - 90}" y="${y(2 * normalRate) - 4}" fill="#c60">2× normal (goal)</text>
<path d="${line(perSecond)}" fill="none" stroke="#9bb7d4" stroke-width="1"/>
<path d="${line(smoothed)}" fill="none" stroke="#1f5fa8" stroke-width="2"/>
<line x1="${pad.left}" x2="${width - pad.right}" y1="${height - pad.bottom}" y2="${height - pad.bottom}" stroke="black"/>
<line x1="${pad.left}" x2="${pad.left}" y1="${pad.top}" y2="${height - pad.bottom}" stroke="black"/>
${ticks.map((t) => `<text x="${x(t)}" y="${height - pad.bottom + 14}" text-anchor="middle">${t / 1000} s</text>`).join('\n')}
${[0, Math.round(normalRate), Math.round(2 * normalRate)].map((r) => `<text x="${pad.left - 6}" y="${y(r) + 4}" text-anchor="end">${r}</text>`).join('\n')}
<text x="${pad.left}" y="${height - 6}" fill="#555">thin: per second; thick: 5 s average. Virtual time, the action's real retry code, a loopback registry.</text>
</svg>
`;
await writeFile(PLOT, svg);
console.log(`\nPlot: bench/storm.svg`);

// One seed could be lucky: the same storm under other seeds (arrivals and jitter both change).
if (SWEEP > 0) {
  const sweep = [];
  for (let seed = 1; seed <= SWEEP; seed++) sweep.push(await storm(seed));
  const peaks = sweep.map((r) => r.peakAfter / normalRate).sort((a, b) => a - b);
  console.log(
    `\nSeeds 1–${SWEEP}: peak after recovery ${peaks[0]?.toFixed(2)}× to ${peaks.at(-1)?.toFixed(2)}× (median ${peaks[Math.floor(peaks.length / 2)]?.toFixed(2)}×); ` +
      `requests per job at most ${Math.max(...sweep.map((r) => r.maxPerJob))}; ` +
      `jobs that got a token: ${Math.min(...sweep.map((r) => r.recovered))} of ${JOBS} in the worst seed.`,
  );
}
