// Bundles src/main.ts and src/post.ts into dist/main.js and dist/post.js with ncc, then makes
// Node's built-in modules load on first use. The output is deterministic: the same sources and
// lockfile give the same bytes (CI checks it).
import ncc from '@vercel/ncc';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;

/*
 * Why lazy built-ins: @actions/core and @actions/http-client import crypto, https, tls, net,
 * child_process and more at the top, so a bundle loads all of them at start, about 20 ms of a
 * run, though a run touches only some (post never needs crypto; a run without a proxy never
 * needs tunnel's tls; an http registry never needs https). Each built-in becomes a proxy that
 * loads it with process.getBuiltinModule on first use. Webpack's namespace wrapper (`.t(m, 2)`)
 * would enumerate, so load, the module at once: the proxy serves as the namespace instead.
 */
const LAZY_BUILTIN = `const __lazyBuiltin = (name) => {
  let real;
  const load = () => (real ??= process.getBuiltinModule(name));
  return new Proxy({}, {
    get: (_, key) => load()[key],
    has: (_, key) => key in load(),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(load()),
  });
};
`;
const IMPORT_CREATE_REQUIRE =
  'import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";\n';
const BUILTIN_REQUIRE = /__WEBPACK_EXTERNAL_createRequire\(import\.meta\.url\)\("([a-z_:/]+)"\)/g;
const NAMESPACE_OF_EXTERNAL = /\/\*#__PURE__\*\/__nccwpck_require__\.t\((external_[a-z_]+_), 2\)/g;

function lazyBuiltins(code, entry) {
  if (!code.startsWith(IMPORT_CREATE_REQUIRE)) {
    throw new Error(`${entry}: ncc's output no longer starts with its createRequire import`);
  }
  const body = code.slice(IMPORT_CREATE_REQUIRE.length);
  const lazy = body
    .replace(BUILTIN_REQUIRE, (_, name) => `__lazyBuiltin(${JSON.stringify(name)})`)
    .replace(NAMESPACE_OF_EXTERNAL, '$1');
  if (
    lazy.includes('__WEBPACK_EXTERNAL_createRequire') ||
    lazy.includes('__nccwpck_require__.t(')
  ) {
    throw new Error(`${entry}: a built-in is loaded in a way the lazy rewrite does not know`);
  }
  return LAZY_BUILTIN + lazy;
}

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
for (const entry of ['main', 'post']) {
  const { code, assets } = await ncc(`${root}src/${entry}.ts`, {
    minify: false,
    sourceMap: false,
    quiet: true,
    target: 'es2023',
    transpileOnly: false,
  });
  // ncc adds a package.json that marks the bundle as ESM; the root package.json already does.
  const extra = Object.keys(assets ?? {}).filter((name) => name !== 'package.json');
  if (extra.length > 0) throw new Error(`unexpected assets for ${entry}: ${extra.join(', ')}`);
  await writeFile(`${dist}/${entry}.js`, lazyBuiltins(code, entry));
}
console.log(`dist/: ${(await readdir(dist)).join(', ')}`);
