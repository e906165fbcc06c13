import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  read,
  readSync,
  writeSync,
  type BigIntStats,
  type Stats,
} from 'node:fs';

/**
 * Files the action left in RUNNER_TEMP, read back as if a later step of the job had tampered
 * with them: that step can replace one by a FIFO (a blocking open or read would hang the step
 * until the runner kills it), a link to /dev/zero (a read without a cap grows until the
 * process is killed) or anything else.
 */

/**
 * A folder's identity on its file system (device and inode, or on Windows the volume and file
 * ID, with its creation time, since a file system may give a deleted folder's inode to the next
 * one made): the same folder whatever path leads to it, and another one if it was replaced, even
 * by one of the same name.
 */
export function folderIdentity(path: string): string {
  return identityOf(lstatSync(path, { bigint: true }));
}

const identityOf = (stats: BigIntStats): string => `${stats.dev}:${stats.ino}:${stats.birthtimeNs}`;

/**
 * Why the folder at `path` is not the one whose identity was `identity` when it was made
 * (as the end of a sentence), or undefined when it is. Neither a link in its place nor a
 * folder put there instead passes: a link on the path before it leads to it only if it leads
 * to that very folder.
 */
export function folderProblem(path: string, identity: string): string | undefined {
  let stats;
  try {
    stats = lstatSync(path, { bigint: true });
  } catch (error) {
    return (error as { code?: unknown }).code === 'ENOENT' ? 'it is gone' : 'it cannot be read';
  }
  if (stats.isSymbolicLink()) return 'it is a symbolic link';
  if (!stats.isDirectory()) return 'it is not a folder';
  if (identityOf(stats) !== identity) return 'it is another folder put in its place';
  return undefined;
}

/** Why a file was refused: `code` for the log, `problem` as the end of a sentence. */
export class UntrustedFileError extends Error {
  constructor(
    readonly code: 'ELOOP' | 'ENOTREG' | 'EFBIG',
    readonly problem: string,
  ) {
    super(problem);
    this.name = 'UntrustedFileError';
  }
}

// Windows has neither flag: there the lstat before the open refuses links, and the fstat after
// it anything that is not a regular file (Windows has no FIFOs in a folder).
const flags: Partial<typeof constants> = constants;
const NOFOLLOW = flags.O_NOFOLLOW ?? 0;
const NONBLOCK = flags.O_NONBLOCK ?? 0;

const notRegular = () => new UntrustedFileError('ENOTREG', 'it is not a regular file');
const isLink = () => new UntrustedFileError('ELOOP', 'it is a symbolic link');

function size(bytes: number): string {
  if (bytes >= 1 << 20 && bytes % (1 << 20) === 0) return `${bytes / (1 << 20)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/**
 * Opens `path` without following a link and without blocking (a FIFO opens at once and is then
 * refused), checks that what was opened is the regular file that lstat saw, and returns its
 * descriptor, which the caller closes. fs errors (ENOENT, EACCES...) are thrown as they are.
 */
function openRegularFile(path: string, flags: number): { fd: number; stats: Stats } {
  let before: Stats | undefined;
  try {
    before = lstatSync(path);
  } catch (error) {
    // A file about to be created (an append) has nothing to compare.
    if ((error as { code?: unknown }).code !== 'ENOENT' || (flags & constants.O_CREAT) === 0) {
      throw error;
    }
  }
  if (before?.isSymbolicLink() === true) throw isLink();
  if (before !== undefined && !before.isFile()) throw notRegular();
  let fd: number;
  try {
    fd = openSync(path, flags | NOFOLLOW | NONBLOCK, 0o600);
  } catch (error) {
    // O_NOFOLLOW on a link that appeared since the lstat.
    if ((error as { code?: unknown }).code === 'ELOOP') throw isLink();
    throw error;
  }
  try {
    const stats = fstatSync(fd);
    const same = before === undefined || (stats.ino === before.ino && stats.dev === before.dev);
    if (!stats.isFile() || !same) throw notRegular();
    return { fd, stats };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** openRegularFile, its descriptor handed to `use` and closed after. */
function withRegularFile<T>(path: string, flags: number, use: (fd: number, stats: Stats) => T): T {
  const { fd, stats } = openRegularFile(path, flags);
  try {
    return use(fd, stats);
  } finally {
    closeSync(fd);
  }
}

/** A regular file's text, refused if it is anything else or longer than `maxBytes`. */
export function readUntrustedFile(path: string, maxBytes: number): string {
  return withRegularFile(path, constants.O_RDONLY, (fd, stats) => {
    const tooBig = () => new UntrustedFileError('EFBIG', `it is larger than ${size(maxBytes)}`);
    if (stats.size > maxBytes) throw tooBig();
    // One byte more than allowed: a file that grew past the cap since the fstat is seen.
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > maxBytes) throw tooBig();
    }
    return buffer.toString('utf8', 0, length);
  });
}

/**
 * Appends `text` to a regular file (created with mode 0600 if missing) in one write, which
 * O_APPEND keeps whole when several processes append at once.
 */
export function appendUntrustedFile(path: string, text: string): void {
  const flags = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT;
  withRegularFile(path, flags, (fd) => {
    writeSync(fd, text);
  });
}

/** How a file of lines was read: to its end or not, and how many bytes. */
export interface LineScan {
  /** False when `stop` ended the read first. */
  complete: boolean;
  bytes: number;
}

export interface LineScanOptions {
  /** A longer line is not kept: `onLongLine` is called for it instead, once. */
  maxLineBytes: number;
  /** More than this in all is refused (UntrustedFileError EFBIG) before any line past it. */
  maxBytes?: number;
  /** Each line, without its `\n`, in the file's order. */
  onLine: (line: string) => void;
  onLongLine: () => void;
  /** Asked between chunks: true ends the read there (a deadline, say). */
  stop?: () => boolean;
}

const CHUNK_BYTES = 64 * 1024;

function readChunk(fd: number, buffer: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    read(fd, buffer, 0, buffer.length, null, (error, bytes) => {
      if (error) reject(error);
      else resolve(bytes);
    });
  });
}

/**
 * A regular file read line by line, opened as readUntrustedFile opens it, in memory bounded by
 * the longest line kept and one chunk, however large the file is: a line longer than the cap is
 * skipped as it streams by. Between chunks the event loop runs (other work goes on while a
 * large file is read) and `stop` may end the read.
 */
export async function scanUntrustedLines(
  path: string,
  options: LineScanOptions,
): Promise<LineScan> {
  const { fd } = openRegularFile(path, constants.O_RDONLY);
  try {
    const chunk = Buffer.alloc(CHUNK_BYTES);
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let long = false;
    let bytes = 0;
    const endLine = (tail: Buffer) => {
      if (long || pendingBytes + tail.length > options.maxLineBytes) options.onLongLine();
      else options.onLine(Buffer.concat([...pending, tail]).toString('utf8'));
      pending = [];
      pendingBytes = 0;
      long = false;
    };
    for (;;) {
      if (options.stop?.() === true) return { complete: false, bytes };
      const read = await readChunk(fd, chunk);
      if (read === 0) break;
      bytes += read;
      if (options.maxBytes !== undefined && bytes > options.maxBytes) {
        throw new UntrustedFileError('EFBIG', `it is larger than ${size(options.maxBytes)}`);
      }
      const data = chunk.subarray(0, read);
      let start = 0;
      for (let end = data.indexOf(10); end !== -1; end = data.indexOf(10, start)) {
        endLine(data.subarray(start, end));
        start = end + 1;
      }
      const rest = data.subarray(start);
      if (long || pendingBytes + rest.length > options.maxLineBytes) {
        long = true;
        pending = [];
        pendingBytes = 0;
      } else if (rest.length > 0) {
        // Copied: the chunk's buffer is read into again.
        pending.push(Buffer.from(rest));
        pendingBytes += rest.length;
      }
    }
    if (long || pendingBytes > 0) endLine(Buffer.alloc(0));
    return { complete: true, bytes };
  } finally {
    closeSync(fd);
  }
}
