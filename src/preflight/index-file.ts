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

interface Tally {
  file: IndexVersions;
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
    file.others++;
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
      requirements: new Map(
        ranges.map(({ req, range }) => [
          req,
          { usable: false, yanked: [], judged: range !== undefined },
        ]),
      ),
    },
    jsonLines: 0,
    asked: question.version === undefined ? undefined : withoutBuild(question.version),
    ranges,
    own: { plain: false, yanked: false },
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
      const { file, own } = tally;
      file.version = { listed: own.plain || own.yanked, yanked: own.yanked && !own.plain };
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
