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
  /** A version cargo can select: the last line it keeps for it says not yanked. */
  usable: boolean;
  /** Yanked versions that match it (a few, for the message). */
  yanked: string[];
  /** Whether it could be judged: cargo's syntax read, every matching version read by npm. */
  judged: boolean;
}

/** What a crate's index file says, kept small: no line is held once it is read. */
export interface IndexVersions {
  /**
   * The version asked for (build metadata aside): listed when, for one of its spellings, the
   * last line cargo keeps is an entry of this crate; yanked when no such line says otherwise.
   */
  version: { listed: boolean; yanked: boolean };
  /**
   * How many other versions are listed: lines, not kept to tell two lines of one version apart
   * (crates.io writes one line per version; a set of every version of a large file is what
   * made memory grow).
   */
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

/** How many bytes `parseIndexFile` reads between two looks at the event loop. */
const CHUNK_BYTES = 64 * 1024;
const MAX_YANKED_SHOWN = 5;

/** Gives the event loop a turn: the answers of other requests are read while a large file is. */
const turn = () =>
  new Promise<void>((resolve) => {
    setImmediate(resolve);
  });

/**
 * What cargo 1.95 keeps of a version (`Summaries::versions`, a map by `semver::Version`, build
 * metadata and all): the last line that names it wins, whatever the lines before it said.
 */
interface Kept {
  name: string;
  /** A version cargo can select; yanked; or a line cargo keeps but does not offer (invalid, newer). */
  state: 'candidate' | 'yanked' | 'invalid';
}

interface Tally {
  file: IndexVersions;
  jsonLines: number;
  asked: string | undefined;
  ranges: { req: string; range: ReturnType<typeof npmRange> }[];
  /** What cargo keeps for each spelling of the version asked (its build metadata aside). */
  own: Map<string, Kept>;
  /** What cargo keeps for each version that some requirement may match. */
  matching: Map<string, Kept>;
}

/** A line's word on a version, in place of any before it, as cargo keeps it. */
function keep(tally: Tally, vers: string, kept: Kept): void {
  if (withoutBuild(vers) === tally.asked) tally.own.set(vers, kept);
  // Only versions a requirement may match are kept (one npm cannot read may match).
  const relevant = tally.ranges.some(
    ({ range }) => range !== undefined && matches(range, vers) !== false,
  );
  if (relevant) tally.matching.set(vers, kept);
}

function count(tally: Tally, line: string, name: string): void {
  const reading = readIndexLine(line);
  const { file } = tally;
  if (reading.kind === 'skipped') {
    if (reading.why !== 'it is not JSON') tally.jsonLines++;
    file.skipped.lines++;
    file.skipped.why ??= reading.why;
    if (reading.claims !== undefined) {
      keep(tally, reading.claims.vers, { name: reading.claims.name, state: 'invalid' });
    }
    return;
  }
  tally.jsonLines++;
  keep(tally, reading.vers, { name: reading.name, state: reading.yanked ? 'yanked' : 'candidate' });
  if (reading.name !== name) {
    if (reading.name.toLowerCase() === name.toLowerCase()) file.knownAs ??= reading.name;
    else {
      file.skipped.lines++;
      file.skipped.why ??= 'it is a version of another crate';
    }
    return;
  }
  if (withoutBuild(reading.vers) !== tally.asked) file.others++;
  // Versions are checked before they are shown: an index answer is data, never a command.
  if (VERSION.test(reading.vers)) file.latest = reading.vers;
}

/** The answer for one requirement, from what cargo keeps of the versions of this crate. */
function answerFor(
  range: ReturnType<typeof npmRange>,
  matching: ReadonlyMap<string, Kept>,
  name: string,
): RequirementAnswer {
  const answer: RequirementAnswer = { usable: false, yanked: [], judged: range !== undefined };
  if (range === undefined) return answer;
  for (const [vers, kept] of matching) {
    if (kept.name !== name) continue;
    const matched = matches(range, vers);
    if (matched === undefined) answer.judged = false;
    else if (matched && kept.state === 'candidate') answer.usable = true;
    else if (matched && kept.state === 'yanked' && answer.yanked.length < MAX_YANKED_SHOWN) {
      answer.yanked.push(vers);
    }
  }
  return answer;
}

/** The time a reader spends, told as it goes: the check's own, not the index's. */
export interface ReadingTime {
  now: () => number;
  busy: (ms: number) => void;
}

const NO_TIME: ReadingTime = { now: () => 0, busy: () => undefined };

/** A sparse index file read as it arrives: chunks in, the answers out. */
export interface IndexFileReader {
  write(chunk: Buffer): void;
  finish(): IndexFileParse;
}

/**
 * Reads a sparse index file for one crate, line by line as its bytes arrive, and keeps only the
 * answers to `question`: no line is held once read, and the file is never held whole (only a
 * line cut by a chunk's end, until its rest comes). A body none of whose lines is JSON (an HTML
 * page from a proxy, say) is no index file. `time.busy` is told how long each chunk took. Never
 * throws.
 */
export function indexFileReader(
  question: IndexQuestion,
  time: ReadingTime = NO_TIME,
): IndexFileReader {
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
      requirements: new Map(),
    },
    jsonLines: 0,
    asked: question.version === undefined ? undefined : withoutBuild(question.version),
    ranges,
    own: new Map(),
    matching: new Map(),
  };
  let lines = 0;
  // The start of a line cut by a chunk's end, in pieces: joined once its end comes.
  let partial: Buffer[] = [];
  const line = (bytes: Buffer) => {
    // cargo splits on `\n` and reads a `\r` before it as JSON's white space.
    const text = bytes.toString('utf8');
    if (text.trim() === '') return;
    lines++;
    count(tally, text, question.name);
  };
  return {
    write(chunk) {
      const started = time.now();
      let at = 0;
      for (let end = chunk.indexOf(0x0a); end !== -1; end = chunk.indexOf(0x0a, at)) {
        const piece = chunk.subarray(at, end);
        line(partial.length === 0 ? piece : Buffer.concat([...partial, piece]));
        partial = [];
        at = end + 1;
      }
      if (at < chunk.length) partial.push(chunk.subarray(at));
      time.busy(time.now() - started);
    },
    finish() {
      if (partial.length > 0) line(Buffer.concat(partial));
      partial = [];
      if (lines > 0 && tally.jsonLines === 0) {
        return { ok: false, problem: 'no line of it is JSON: it is not an index file' };
      }
      const { file } = tally;
      const own = [...tally.own.values()].filter((kept) => kept.name === question.name);
      const candidate = own.some((kept) => kept.state === 'candidate');
      const yanked = own.some((kept) => kept.state === 'yanked');
      file.version = { listed: candidate || yanked, yanked: yanked && !candidate };
      for (const { req, range } of ranges) {
        file.requirements.set(req, answerFor(range, tally.matching, question.name));
      }
      return { ok: true, file };
    },
  };
}

/**
 * Reads a whole body with `indexFileReader`, in chunks of 64 KiB, giving the event loop a turn
 * between them. Never throws.
 */
export async function parseIndexFile(
  body: Uint8Array | string,
  question: IndexQuestion,
  time: ReadingTime = NO_TIME,
): Promise<IndexFileParse> {
  const reader = indexFileReader(question, time);
  const bytes =
    typeof body === 'string'
      ? Buffer.from(body, 'utf8')
      : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
    if (at > 0) await turn();
    reader.write(bytes.subarray(at, at + CHUNK_BYTES));
  }
  return reader.finish();
}
