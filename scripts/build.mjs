// Bundles src/main.ts and src/post.ts into dist/main.js and dist/post.js with ncc, then makes
// Node's built-in modules load on first use; dist/licenses.txt holds the licences of the
// third-party code in them. The output is deterministic: the same sources and lockfile give the
// same bytes (CI checks it).
import ncc from '@vercel/ncc';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { addBundle, writeLicenses } from './licenses.mjs';
import { lazyBuiltin, randomUUIDFromOs } from './prelude.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;

/*
 * Built-ins load on first use (see scripts/prelude.mjs for why): each becomes a proxy that
 * loads it with process.getBuiltinModule when touched. Webpack's namespace wrapper
 * (`.t(m, 2)`) would enumerate, so load, the module at once: the proxy serves as the
 * namespace instead. node:crypto, which only @actions/core's file commands use, and only for
 * randomUUID, is served by the prelude's randomUUIDFromOs.
 */
const PRELUDE = `const __lazyBuiltin = ${lazyBuiltin};
const __coreCrypto = { randomUUID: ${randomUUIDFromOs} };
`;
const IMPORT_CREATE_REQUIRE =
  'import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";\n';
const BUILTIN_REQUIRE = /__WEBPACK_EXTERNAL_createRequire\(import\.meta\.url\)\("([a-z_:/]+)"\)/g;
const NAMESPACE_OF_EXTERNAL = /\/\*#__PURE__\*\/__nccwpck_require__\.t\((external_[a-z_]+_), 2\)/g;

const CRYPTO_NAMESPACE = /const (external_[A-Za-z_]+) = __coreCrypto;/g;

/*
 * @actions/core's summary.js takes fs.promises apart at import, which loads node's promise
 * API for files (and readline with it): about 1 ms of each step, though the action writes its
 * summary without core.summary (see src/runner/actions-core.ts). The three functions become
 * wrappers that look fs.promises up when called.
 */
const CORE_SUMMARY_FS =
  /^const \{ access, appendFile, writeFile \} = (external_[A-Za-z_]+)\.promises;$/m;
const deferFsPromises = (_, fs) =>
  `const ${['access', 'appendFile', 'writeFile']
    .map((name) => `${name} = (...args) => ${fs}.promises.${name}(...args)`)
    .join(', ')};`;

function lazyBuiltins(code, entry) {
  if (!code.startsWith(IMPORT_CREATE_REQUIRE)) {
    throw new Error(`${entry}: ncc's output no longer starts with its createRequire import`);
  }
  const body = code.slice(IMPORT_CREATE_REQUIRE.length);
  const lazy = body
    .replace(BUILTIN_REQUIRE, (_, name) =>
      name === 'crypto' || name === 'node:crypto'
        ? '__coreCrypto'
        : `__lazyBuiltin(${JSON.stringify(name)})`,
    )
    .replace(NAMESPACE_OF_EXTERNAL, '$1');
  if (
    lazy.includes('__WEBPACK_EXTERNAL_createRequire') ||
    lazy.includes('__nccwpck_require__.t(')
  ) {
    throw new Error(`${entry}: a built-in is loaded in a way the lazy rewrite does not know`);
  }
  checkCryptoUse(lazy, entry);
  // The provider does not bundle @actions/core at all; the steps do, and must match.
  if (lazy.includes('class Summary {') && !CORE_SUMMARY_FS.test(lazy)) {
    throw new Error(`${entry}: @actions/core's summary.js no longer reads fs.promises as expected`);
  }
  return PRELUDE + lazy.replace(CORE_SUMMARY_FS, deferFsPromises);
}

/** __coreCrypto has randomUUID only: the build fails if the bundle wants more of node:crypto. */
function checkCryptoUse(code, entry) {
  const names = [...code.matchAll(CRYPTO_NAMESPACE)].map((match) => match[1]);
  const bound = code.split('__coreCrypto').length - 1;
  if (bound !== names.length) {
    throw new Error(`${entry}: node:crypto is bound in a way the build cannot check`);
  }
  for (const name of names) {
    const uses = code.split(name).length - 2; // less the declaration
    const randomUUIDs = code.split(`${name}.randomUUID()`).length - 1;
    if (uses !== randomUUIDs) {
      throw new Error(`${entry}: the bundle uses node:crypto for more than randomUUID()`);
    }
  }
}

/*
 * Chunks: what an entry loads with import() only when it runs that path (the check of a
 * workspace). Each entry's chunks are named after it (`<id>.<entry>.js`), so that two entries
 * never write one file. A chunk takes built-ins through its entry's module table, which the
 * lazy rewrite covers; the build fails if one loads any another way.
 */
const CHUNK = /^(\d+)\.index\.js$/;
const CHUNK_URL = 'return "" + chunkId + ".index.js";';

function renameChunks(code, entry) {
  if (code.split(CHUNK_URL).length !== 2) {
    throw new Error(`${entry}: ncc's chunk loader no longer names chunks as expected`);
  }
  return code.replace(CHUNK_URL, `return "" + chunkId + ".${entry}.js";`);
}

function checkChunk(text, name) {
  if (text.includes('createRequire') || text.includes('__webpack_require__.t(')) {
    throw new Error(`${name}: a chunk loads a built-in in a way the lazy rewrite does not cover`);
  }
}

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
/** The bundled packages of every entry, by name@version, for dist/licenses.txt. */
const licenses = new Map();
for (const entry of ['main', 'post', 'provider']) {
  const { code, assets, stats } = await ncc(`${root}src/launch/${entry}.ts`, {
    minify: false,
    sourceMap: false,
    quiet: true,
    target: 'es2023',
    transpileOnly: false,
    license: 'licenses.txt',
  });
  // ncc adds a package.json that marks the bundle as ESM; the root package.json already does.
  // A dynamic import() becomes a chunk of its own (`<id>.index.js`), loaded only when run.
  const names = Object.keys(assets ?? {}).filter(
    (name) => name !== 'package.json' && name !== 'licenses.txt',
  );
  const chunks = names.filter((name) => CHUNK.test(name));
  const extra = names.filter((name) => !CHUNK.test(name));
  if (extra.length > 0) throw new Error(`unexpected assets for ${entry}: ${extra.join(', ')}`);
  for (const chunk of chunks) {
    const text = assets[chunk].source.toString();
    checkChunk(text, `${entry}: ${chunk}`);
    await writeFile(`${dist}/${chunk.replace(CHUNK, `$1.${entry}.js`)}`, text);
  }
  const main = chunks.length === 0 ? code : renameChunks(code, entry);
  await writeFile(`${dist}/${entry}.js`, lazyBuiltins(main, entry));
  const licenseText = assets['licenses.txt']?.source.toString() ?? '';
  addBundle(licenses, `${entry}.js`, licenseText, stats.compilation.modules);
}
writeLicenses(`${dist}/licenses.txt`, licenses);
console.log(`dist/: ${(await readdir(dist)).join(', ')}`);
