import { describeError } from '../errors/describe.js';
import type { Failure } from '../errors/failure.js';
import type { NetDeps } from '../http/call.js';
import {
  CountProblem,
  readCount,
  readRecord,
  RecordCheck,
  type MintCount,
  type RecordEntry,
  type RecordFiles,
} from '../provider/token-record.js';
import { UntrustedFileError } from '../runner/untrusted-file.js';
import { revokeToken } from './revoke-token.js';

/** Revocations in flight at once: enough for a record of a long release, and a bound for a flood. */
export const REVOCATION_CONCURRENCY = 8;
/** Distinct tokens kept from one record: hundreds of hours of release. More is a flood. */
const MAX_KEPT_TOKENS = 100_000;
/** ...and the characters they may take in all (a token may be 4 KiB long). */
const MAX_KEPT_CHARS = 8 * 1024 * 1024;
/** Entries kept for the release report (each token's first line and each upload's). */
const MAX_REPORT_ENTRIES = 10_000;
/** Reasons of failure said one by one; the rest are summed up. */
const MAX_REASONS = 3;

/** How the tokens of the record are revoked, and where the step says what it does. */
export interface RecordDeps {
  /** The net of a revocation: one deadline for all of them, the post step's. */
  net: (log: Pick<NetDeps['core'], 'info'>) => NetDeps;
  core: NetDeps['core'] & { warning(message: string): void };
  /** Hides a token from everything the step writes, without a runner mask. */
  hide: (token: string) => void;
  baseUrl: string;
  /** main's token, revoked on a lane of its own: the record's copy of it is skipped. */
  mainToken: string | undefined;
}

/** What became of the record's tokens. */
export interface RecordResult {
  /** How many tokens the count says the job minted (main's included), when it can be read. */
  counted: number | undefined;
  /** The provider's own tokens found (main's aside), and how many of them were revoked. */
  ours: number;
  oursRevoked: number;
  /** Tokens the provider did not write there, and how many were revoked. */
  foreign: number;
  foreignRevoked: number;
  /** What is wrong with the record, the count or the time, each a warning. */
  warnings: Failure[];
  /** Revocations that failed, one text per reason, for the warnings. */
  failed: Map<string, number>;
}

/** Tokens waiting for a revocation: the provider's own first, then the rest, in the record's order. */
interface Queued {
  token: string;
  ours: boolean;
  n: number | undefined;
}

class TokenQueue {
  private readonly lanes: [Queued[], Queued[]] = [[], []];
  private readonly taken = [0, 0];
  private readonly wakers: (() => void)[] = [];
  private closed = false;

  push(item: Queued): void {
    this.lanes[item.ours ? 0 : 1].push(item);
    this.wakers.splice(0).forEach((wake) => {
      wake();
    });
  }

  close(): void {
    this.closed = true;
    this.wakers.splice(0).forEach((wake) => {
      wake();
    });
  }

  async take(): Promise<Queued | undefined> {
    for (;;) {
      for (const lane of this.lanes.keys()) {
        const items = this.lanes[lane] ?? [];
        const taken = this.taken[lane] ?? 0;
        if (taken < items.length) {
          this.taken[lane] = taken + 1;
          return items[taken];
        }
      }
      if (this.closed) return undefined;
      await new Promise<void>((resolve) => this.wakers.push(resolve));
    }
  }
}

/** Reads the count: undefined, with a warning, when it cannot be relied on. */
async function countOf(files: RecordFiles, warnings: Failure[]): Promise<MintCount | undefined> {
  try {
    return await readCount(files.count);
  } catch (error) {
    if (!(error instanceof CountProblem)) throw error;
    warnings.push({ kind: 'record-count', problem: error.problem, seenBy: 'post' });
    return undefined;
  }
}

/** A record that could not be read: a warning that says why. */
function unreadRecord(error: unknown, check: RecordCheck | undefined): Failure {
  if (error instanceof UntrustedFileError) {
    return { kind: 'token-record', code: error.code, skippedLines: 0, problem: error.problem };
  }
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') {
    return { kind: 'record-lost', missing: check?.missing(false) ?? 0, gone: true, seenBy: 'post' };
  }
  const known = typeof code === 'string' && code !== '' ? code : 'EUNKNOWN';
  return { kind: 'token-record', code: known, skippedLines: 0 };
}

/**
 * Every token of the provider's record, revoked within the post step's budget: the record read
 * as it streams (bounded memory: each line capped, junk skipped and counted, tokens kept once),
 * the provider's own tokens (their numbers in the count) before any other, at most
 * REVOCATION_CONCURRENCY at a time. What the budget leaves untried, what the record lost and
 * what a step added are warnings with their counts. `entries` gives the release report the
 * provider's own lines once the record is read; revocations never wait for the report.
 */
export function revokeRecorded(
  deps: RecordDeps,
  files: RecordFiles,
  budget: { deadline: number; budgetMs: number; minAttemptMs: number; now: () => number },
): { entries: Promise<RecordEntry[]>; done: Promise<RecordResult> } {
  const queue = new TokenQueue();
  const seen = new Set<string>(deps.mainToken === undefined ? [] : [deps.mainToken]);
  const entries: RecordEntry[] = [];
  const result: RecordResult = {
    counted: undefined,
    ours: 0,
    oursRevoked: 0,
    foreign: 0,
    foreignRevoked: 0,
    warnings: [],
    failed: new Map(),
  };
  let keptChars = 0;
  let notKept = 0;
  const outOfTime = () => budget.deadline - budget.now() < budget.minAttemptMs;

  const read = (async () => {
    const count = await countOf(files, result.warnings);
    const check = count && new RecordCheck(count);
    if (count !== undefined) result.counted = count.size;
    try {
      const { skipped, complete } = await readRecord(
        files.record,
        (entry) => {
          // Without a count, every token of the record is taken as the provider's.
          const ours = check === undefined || check.see(entry);
          if (ours && entries.length < MAX_REPORT_ENTRIES) {
            if (entry.upload !== undefined || !seen.has(entry.token)) entries.push(entry);
          }
          if (seen.has(entry.token)) return;
          if (seen.size >= MAX_KEPT_TOKENS || keptChars + entry.token.length > MAX_KEPT_CHARS) {
            notKept++;
            return;
          }
          seen.add(entry.token);
          keptChars += entry.token.length;
          if (ours) result.ours++;
          else result.foreign++;
          queue.push({ token: entry.token, ours, n: entry.n });
        },
        outOfTime,
      );
      if (skipped > 0)
        result.warnings.push({ kind: 'token-record', code: '', skippedLines: skipped });
      const missing = check?.missing(false) ?? 0;
      if (missing > 0) {
        result.warnings.push({ kind: 'record-lost', missing, gone: false, seenBy: 'post' });
      }
      return complete;
    } catch (error) {
      result.warnings.push(unreadRecord(error, check));
      return true;
    } finally {
      queue.close();
    }
  })();

  let tried = 0;
  const worker = async () => {
    for (;;) {
      const next = await queue.take();
      if (next === undefined) return;
      // The budget is spent: this token and the rest are counted as untried.
      if (outOfTime()) return;
      tried++;
      const { token, ours, n } = next;
      // The provider's tokens are masked by the runner too; a token a step added is only kept
      // out of what this step writes, so a flood cannot fill the log with masks.
      if (ours) deps.core.setSecret(token);
      else deps.hide(token);
      // Retries of the provider's tokens are in the log, each line saying which token; those of
      // the rest nowhere (their failures are summed up in the end): thousands of lines, each
      // redacted against thousands of tokens, would cost a flood's worth of time.
      const log = {
        info: (message: string) => {
          if (ours) deps.core.info(`Token ${n ?? '?'} of the record: ${message}`);
        },
      };
      try {
        await revokeToken(deps.net(log), deps.baseUrl, token);
        if (ours) result.oursRevoked++;
        else result.foreignRevoked++;
      } catch (error) {
        const reason = describeError(error);
        result.failed.set(reason, (result.failed.get(reason) ?? 0) + 1);
      }
    }
  };

  const done = (async () => {
    const workers = Array.from({ length: REVOCATION_CONCURRENCY }, worker);
    const [complete] = await Promise.all([read, ...workers]);
    const untried = result.ours + result.foreign - tried + notKept;
    if (untried > 0 || !complete) {
      result.warnings.push({
        kind: 'record-out-of-time',
        untried,
        unread: !complete,
        budgetMs: budget.budgetMs,
      });
    }
    if (result.foreign > 0) {
      result.warnings.push({
        kind: 'record-foreign',
        tokens: result.foreign,
        revoked: result.foreignRevoked,
      });
    }
    return result;
  })();

  return { entries: read.then(() => entries), done };
}

/** The revocations that failed, as warnings: one per reason, the first few, then the rest summed. */
export function failedReasons(failed: Map<string, number>): { reason: string; count: number }[] {
  const all = [...failed].map(([reason, count]) => ({ reason, count }));
  if (all.length <= MAX_REASONS) return all;
  const rest = all.slice(MAX_REASONS - 1).reduce((sum, entry) => sum + entry.count, 0);
  return [
    ...all.slice(0, MAX_REASONS - 1),
    { reason: 'Each failed for a reason of its own (the log says which).', count: rest },
  ];
}
