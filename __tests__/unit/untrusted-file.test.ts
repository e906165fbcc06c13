/**
 * The reader of files a later step may have tampered with, on what such a step can leave: a
 * link (to /dev/zero, say), a FIFO, a device, a file too long. Each is refused at once.
 */
import { testExceptOn } from '../skip.js';
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  statSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readProviderConfig } from '../../src/provider/provider-config.js';
import {
  appendUntrustedFile,
  folderIdentity,
  folderProblem,
  readUntrustedFile,
  UntrustedFileError,
} from '../../src/runner/untrusted-file.js';
import { removeTreeSync } from '../../rig/remove-tree.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'auth-action-untrusted-'));
});
afterEach(() => {
  removeTreeSync(dir);
});

const refusal = (read: () => unknown): string => {
  try {
    read();
  } catch (error) {
    if (error instanceof UntrustedFileError) return `${error.code}: ${error.problem}`;
    return `other: ${(error as { code?: string }).code ?? String(error)}`;
  }
  return 'read';
};

const posix = testExceptOn(
  ['win32'],
  'no FIFO in a folder, no /dev/zero, and symbolic links need a privilege; there the lstat before the open and the fstat after it stand in for O_NOFOLLOW and O_NONBLOCK',
);

test('a regular file is read whole, up to the cap', () => {
  const path = join(dir, 'f');
  writeFileSync(path, 'abc\n');
  expect(readUntrustedFile(path, 4)).toBe('abc\n');
  expect(refusal(() => readUntrustedFile(path, 3))).toBe('EFBIG: it is larger than 3 bytes');
});

posix('a link to /dev/zero is not followed', () => {
  const path = join(dir, 'tokens.jsonl');
  symlinkSync('/dev/zero', path);
  expect(refusal(() => readUntrustedFile(path, 1 << 20))).toBe('ELOOP: it is a symbolic link');
  expect(
    refusal(() => {
      appendUntrustedFile(path, 'x\n');
    }),
  ).toBe('ELOOP: it is a symbolic link');
});

posix('a link to a regular file is not followed either', () => {
  const target = join(dir, 'target');
  writeFileSync(target, 'secret\n');
  const path = join(dir, 'tokens.jsonl');
  symlinkSync(target, path);
  expect(refusal(() => readUntrustedFile(path, 1 << 20))).toBe('ELOOP: it is a symbolic link');
  expect(
    refusal(() => {
      appendUntrustedFile(path, 'x\n');
    }),
  ).toBe('ELOOP: it is a symbolic link');
  expect(readFileSync(target, 'utf8')).toBe('secret\n');
});

posix('a FIFO without a writer is refused at once, for reading and appending', () => {
  const path = join(dir, 'tokens.jsonl');
  execFileSync('mkfifo', [path]);
  expect(refusal(() => readUntrustedFile(path, 1 << 20))).toBe('ENOTREG: it is not a regular file');
  expect(
    refusal(() => {
      appendUntrustedFile(path, 'x\n');
    }),
  ).toBe('ENOTREG: it is not a regular file');
});

posix('a device is not a regular file', () => {
  expect(refusal(() => readUntrustedFile('/dev/zero', 1 << 20))).toBe(
    'ENOTREG: it is not a regular file',
  );
});

test('a folder is not a regular file; a missing file is ENOENT', () => {
  expect(refusal(() => readUntrustedFile(dir, 10))).toBe('ENOTREG: it is not a regular file');
  expect(refusal(() => readUntrustedFile(join(dir, 'none'), 10))).toBe('other: ENOENT');
});

test('an append creates the file 0600, and appends to it after', () => {
  const path = join(dir, 'tokens.jsonl');
  appendUntrustedFile(path, 'a\n');
  appendUntrustedFile(path, 'b\n');
  expect(readUntrustedFile(path, 100)).toBe('a\nb\n');
  // Read by Node, not by a stat command (GNU's and BSD's take different flags).
  if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
});

posix('the provider’s configuration in a FIFO is refused at once, as invalid', () => {
  const path = join(dir, 'config.json');
  execFileSync('mkfifo', [path]);
  let failure: unknown;
  try {
    readProviderConfig(path);
  } catch (error) {
    failure = (error as { failure?: unknown }).failure;
  }
  expect(failure).toMatchObject({ kind: 'invalid-state', problem: 'it is not a regular file.' });
});

describe('a folder is checked by the identity it had when it was made', () => {
  test('the same folder passes, by any path that leads to it', () => {
    const folder = join(dir, 'provider');
    mkdirSync(folder);
    const identity = folderIdentity(folder);
    expect(identity).toMatch(/^\d+:\d+:\d+$/);
    expect(folderProblem(folder, identity)).toBeUndefined();
    expect(folderProblem(join(dir, '.', 'provider'), identity)).toBeUndefined();
  });

  test('a link in its place, another folder of the same name, a file, nothing: each refused', () => {
    const folder = join(dir, 'provider');
    mkdirSync(folder);
    const identity = folderIdentity(folder);
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    renameSync(folder, `${folder}.moved`);
    // A junction on Windows, which needs no privilege (its lstat says link, or another folder).
    symlinkSync(elsewhere, folder, process.platform === 'win32' ? 'junction' : 'dir');
    expect(folderProblem(folder, identity)).toMatch(
      /^it is (a symbolic link|another folder put in its place)$/,
    );
    rmSync(folder, { force: true }); // the link itself, not what it points at
    mkdirSync(folder);
    expect(folderProblem(folder, identity)).toBe('it is another folder put in its place');
    // Made again after the first was deleted: even were its inode the same, it was made later.
    removeTreeSync(folder);
    mkdirSync(folder);
    expect(folderProblem(folder, identity)).toBe('it is another folder put in its place');
    removeTreeSync(folder);
    writeFileSync(folder, '');
    expect(folderProblem(folder, identity)).toBe('it is not a folder');
    rmSync(folder);
    expect(folderProblem(folder, identity)).toBe('it is gone');
    // The folder itself, moved back, is itself again.
    renameSync(`${folder}.moved`, folder);
    expect(folderProblem(folder, identity)).toBeUndefined();
  });
});
