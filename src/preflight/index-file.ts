import { matches, npmRange, parseCargoReq, withoutBuild } from './cargo-semver.js';
import { readIndexLine } from './index-line.js';
import { VERSION } from '../inputs/cargo-names.js';

/** What the check asks of one crate's index file. */
export interface IndexQuestion {
  /** The crate, as the workspace spells it: a line counts only for exactly this name. */
  name: string;
  /** The version to look for, if one is. */
  version: string | undefined;
  /** Requirements that members to be published place on this crate (cargo's syntax). */
  requirements: readonly string[];
}

/** Whether the index has a version that a requirement can resolve to. */
export interface RequirementAnswer {
  /** A version cargo can select: listed, and not yanked by every line of it. */
  usable: boolean;
  /** Yanked versions that match it (a few, for the message). */
  yanked: string[];
  /** Whether it could be judged: cargo's syntax read, every matching version read by npm. */
  judged: boolean;
}

/** What a crate's index file says, kept small: no line is held once it is read. */
export interface IndexVersions {
  /** The version asked for: listed by a line cargo reads, and yanked when every such line says so. */
  version: { listed: boolean; yanked: boolean };
  /** How many other versions are listed. */
  others: number;
  /** The version on the last line that reads: the one published last. */
  latest: string | undefined;
  /** Lines that are not versions of this crate to cargo; `why` for the first of them. */
  skipped: { lines: number; why: string | undefined };
  /** The name the lines give, when it differs from the crate's in case only. */
  knownAs: string | undefined;
  /** The answer for each requirement asked. */
  requirements: Map<string, RequirementAnswer>;
}

export type IndexFileParse = { ok: true; file: IndexVersions } | { ok: false; problem: string };

/** How many characters are read between two looks at the event loop. */
const SLICE_CHARS = 64 * 1024;
const MAX_YANKED_SHOWN = 5;

/** Gives the event loop a turn: the answers of other requests are read while a large file is. */
const turn = () =>
  new Promise<void>((resolve) => {
    setImmediate(resolve);
  });

interface Tally {
  file: IndexVersions;
  seen: Set<string>;
  jsonLines: number;
  asked: string | undefined;
  ranges: { req: string; range: ReturnType<typeof npmRange> }[];
  /** Versions of the crate asked for, listed not yanked / yanked. */
  own: { plain: boolean; yanked: boolean };
}

function count(tally: Tally, line: string, name: string): void {
  const reading = readIndexLine(line);
  const { file } = tally;
  if (reading.kind === 'skipped') {
    if (reading.why !== 'it is not JSON') tally.jsonLines++;
    file.skipped.lines++;
    file.skipped.why ??= reading.why;
    return;
  }
  tally.jsonLines++;
  if (reading.name !== name) {
    if (reading.name.toLowerCase() === name.toLowerCase()) file.knownAs ??= reading.name;
    else {
      file.skipped.lines++;
      file.skipped.why ??= 'it is a version of another crate';
    }
    return;
  }
  // Versions are checked before they are shown: an index answer is data, never a command.
  if (!VERSION.test(reading.vers)) {
    file.skipped.lines++;
    file.skipped.why ??= 'its version is longer than 100 characters';
    return;
  }
  const version = withoutBuild(reading.vers);
  if (version === tally.asked) {
    if (reading.yanked) tally.own.yanked = true;
    else tally.own.plain = true;
  } else {
    tally.seen.add(version);
  }
  file.latest = reading.vers;
  for (const { req, range } of tally.ranges) {
    const answer = file.requirements.get(req);
    if (answer === undefined || answer.usable) continue;
    const matched = range === undefined ? undefined : matches(range, reading.vers);
    if (matched === undefined) answer.judged = false;
    else if (matched && !reading.yanked) answer.usable = true;
    else if (
      matched &&
      answer.yanked.length < MAX_YANKED_SHOWN &&
      !answer.yanked.includes(reading.vers)
    ) {
      answer.yanked.push(reading.vers);
    }
  }
}

/**
 * Reads a sparse index file for one crate, line by line, and keeps only the answers to
 * `question`. A body none of whose lines is JSON (an HTML page from a proxy, say) is no index
 * file. `time.busy` is told how long each stretch of reading took (by `time.now`): the check's
 * own time, which the index is not to be blamed for. Never throws.
 */
export async function parseIndexFile(
  body: string,
  question: IndexQuestion,
  time: { now: () => number; busy: (ms: number) => void } = { now: () => 0, busy: () => undefined },
): Promise<IndexFileParse> {
  const ranges = [...new Set(question.requirements)].map((req) => {
    const parsed = parseCargoReq(req);
    return { req, range: parsed === undefined ? undefined : npmRange(parsed) };
  });
  const tally: Tally = {
    file: {
      version: { listed: false, yanked: false },
      others: 0,
      latest: undefined,
      skipped: { lines: 0, why: undefined },
      knownAs: undefined,
      requirements: new Map(
        ranges.map(({ req, range }) => [
          req,
          { usable: false, yanked: [], judged: range !== undefined },
        ]),
      ),
    },
    seen: new Set(),
    jsonLines: 0,
    asked: question.version === undefined ? undefined : withoutBuild(question.version),
    ranges,
    own: { plain: false, yanked: false },
  };
  let lines = 0;
  let at = 0;
  while (at < body.length) {
    const started = time.now();
    const stop = Math.min(body.length, at + SLICE_CHARS);
    while (at < body.length && at < stop) {
      const end = body.indexOf('\n', at);
      const next = end === -1 ? body.length : end;
      const line = body.slice(at, next);
      at = next + 1;
      // cargo splits on `\n` and reads a `\r` before it as JSON's white space.
      if (line.trim() === '') continue;
      lines++;
      count(tally, line, question.name);
    }
    time.busy(time.now() - started);
    if (at < body.length) await turn();
  }
  if (lines > 0 && tally.jsonLines === 0) {
    return { ok: false, problem: 'no line of it is JSON: it is not an index file' };
  }
  const { file, own, seen } = tally;
  file.version = { listed: own.plain || own.yanked, yanked: own.yanked && !own.plain };
  file.others = seen.size;
  return { ok: true, file };
}
