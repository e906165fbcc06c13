// The code scripts/build.mjs puts at the top of each bundle, run as it ships.
import { lazyBuiltin, randomUUIDFromOs } from '../../scripts/prelude.mjs';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('randomUUIDFromOs', () => {
  test('makes version 4 UUIDs from the OS, all different', () => {
    const made = Array.from({ length: 2000 }, () => randomUUIDFromOs());
    for (const uuid of made) expect(uuid).toMatch(UUID_V4);
    expect(new Set(made).size).toBe(made.length);
  });

  test('on Linux it reads the kernel device and leaves node:crypto unloaded', () => {
    const asked: string[] = [];
    const uuid = randomUUIDFromOs((id) => {
      asked.push(id);
      return process.getBuiltinModule(id);
    });
    expect(uuid).toMatch(UUID_V4);
    expect(asked).toEqual(['node:fs']);
  });

  test('every random nibble varies: no byte is stuck', () => {
    const seen = Array.from({ length: 32 }, () => new Set<string>());
    for (let i = 0; i < 2000; i++) {
      const hex = randomUUIDFromOs().replace(/-/g, '');
      for (let at = 0; at < hex.length; at++) seen[at]!.add(hex.charAt(at));
    }
    const sizes = seen.map((digits) => digits.size);
    // The version nibble is fixed; the variant nibble takes 4 values; the rest all 16.
    expect(sizes[12]).toBe(1);
    expect(sizes[16]).toBe(4);
    expect(sizes.filter((_, at) => at !== 12 && at !== 16)).toEqual(Array(30).fill(16));
  });

  /** node:fs and node:crypto stand-ins that record what was asked of them. */
  function fakeBuiltins(fs: Record<string, unknown>) {
    const closed: number[] = [];
    const builtins: Record<string, unknown> = {
      'node:fs': { closeSync: (fd: number) => closed.push(fd), ...fs },
      'node:crypto': { randomUUID: () => 'from node:crypto' },
    };
    return { closed, getBuiltin: (id: string) => builtins[id] };
  }

  test('without /dev/urandom (Windows), node:crypto makes it', () => {
    const { closed, getBuiltin } = fakeBuiltins({
      openSync: () => {
        throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      },
    });
    expect(randomUUIDFromOs(getBuiltin)).toBe('from node:crypto');
    expect(closed).toEqual([]);
  });

  const device = { fstatSync: () => ({ isCharacterDevice: () => true }) };

  test('a file at /dev/urandom that is not a device is not read', () => {
    let reads = 0;
    const { closed, getBuiltin } = fakeBuiltins({
      openSync: () => 7,
      fstatSync: () => ({ isCharacterDevice: () => false }),
      readSync: () => ++reads && 16,
    });
    expect(randomUUIDFromOs(getBuiltin)).toBe('from node:crypto');
    expect(reads).toBe(0);
    expect(closed).toEqual([7]);
  });

  test('a short read is not used, and the file is closed', () => {
    const { closed, getBuiltin } = fakeBuiltins({
      ...device,
      openSync: () => 7,
      readSync: () => 10,
    });
    expect(randomUUIDFromOs(getBuiltin)).toBe('from node:crypto');
    expect(closed).toEqual([7]);
  });

  test('a failed read falls back too, and the file is closed', () => {
    const { closed, getBuiltin } = fakeBuiltins({
      ...device,
      openSync: () => 7,
      readSync: () => {
        throw Object.assign(new Error('i/o error'), { code: 'EIO' });
      },
    });
    expect(randomUUIDFromOs(getBuiltin)).toBe('from node:crypto');
    expect(closed).toEqual([7]);
  });
});

describe('lazyBuiltin', () => {
  function counted() {
    const loads: string[] = [];
    const getBuiltin = (id: string) => {
      loads.push(id);
      return { EOL: '\n', platform: () => 'linux' };
    };
    return { loads, getBuiltin };
  }

  test('loads nothing until a member is used, then loads once', () => {
    const { loads, getBuiltin } = counted();
    const os = lazyBuiltin('node:os', getBuiltin);
    expect(loads).toEqual([]);
    expect(os.EOL).toBe('\n');
    expect(os.platform()).toBe('linux');
    expect(loads).toEqual(['node:os']);
  });

  test('serves as the module namespace: keys, `in`, descriptors', () => {
    const os = lazyBuiltin('node:os', counted().getBuiltin);
    expect(Object.keys(os)).toEqual(['EOL', 'platform']);
    expect('EOL' in os).toBe(true);
    expect('nope' in os).toBe(false);
    expect({ ...os }.EOL).toBe('\n');
  });

  test('is the real module by default', () => {
    const path = lazyBuiltin<typeof import('node:path')>('node:path');
    expect(path.join('a', 'b')).toBe('a/b');
  });
});
