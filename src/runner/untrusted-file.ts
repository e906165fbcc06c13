import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  writeSync,
  type Stats,
} from 'node:fs';

/**
 * Files the action left in RUNNER_TEMP, read back as if a later step of the job had tampered
 * with them: that step can replace one by a FIFO (a blocking open or read would hang the step
 * until the runner kills it), a link to /dev/zero (a read without a cap grows until the
 * process is killed) or anything else.
 */

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
 * refused), checks that what was opened is the regular file that lstat saw, and hands its
 * descriptor to `use`. fs errors (ENOENT, EACCES...) are thrown as they are.
 */
function withRegularFile<T>(path: string, flags: number, use: (fd: number, stats: Stats) => T): T {
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
