// What scripts/build.mjs puts at the top of each bundle, as functions so that the unit tests
// run the very code that ships. Each must stand alone: the build copies its source text.

/**
 * A stand-in for one of Node's built-in modules that loads it on first use.
 *
 * Why: @actions/core and @actions/http-client import crypto, https, tls, net, child_process and
 * more at the top, so a bundle loads all of them at start, about 20 ms of a run, though a run
 * touches only some (a run without a proxy never needs tunnel's tls; an http registry never
 * needs https).
 */
export function lazyBuiltin(name, getBuiltin = (id) => process.getBuiltinModule(id)) {
  let real;
  const load = () => (real ??= getBuiltin(name));
  return new Proxy(
    {},
    {
      get: (_, key) => load()[key],
      has: (_, key) => key in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
        return descriptor && { ...descriptor, configurable: true };
      },
      getPrototypeOf: () => Reflect.getPrototypeOf(load()),
    },
  );
}

/**
 * crypto.randomUUID() for @actions/core, which needs node:crypto for nothing else: a random
 * delimiter around each value it writes to GITHUB_OUTPUT and GITHUB_STATE. Loading node:crypto
 * in full costs about 5 ms, a tenth of the main step; 16 bytes from the kernel's CSPRNG (the
 * source OpenSSL seeds from too) cost a few microseconds. Where there is no /dev/urandom
 * (Windows runners), node:crypto makes it after all.
 */
export function randomUUIDFromOs(getBuiltin = (id) => process.getBuiltinModule(id)) {
  const fs = getBuiltin('node:fs');
  const bytes = new Uint8Array(16);
  let fd;
  let read = 0;
  try {
    fd = fs.openSync('/dev/urandom', 'r');
    // Only the kernel's device: not a file someone put at that path (C:\dev\urandom on Windows).
    if (fs.fstatSync(fd).isCharacterDevice()) read = fs.readSync(fd, bytes, 0, 16, null);
  } catch {
    read = 0;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  if (read !== 16) return getBuiltin('node:crypto').randomUUID();
  // RFC 9562 version 4: the version and variant bits set, the other 122 bits random.
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
