// Bundles the action's steps (src/launch/: dist/main.js, dist/post.js, dist/provider.js) and
// the parts they load only when asked (PARTS below) with ncc, makes Node's built-in modules
// load on first use, and minifies each bundle; dist/licenses.txt holds the licences of the
// third-party code in them. The output is deterministic: the same sources and lockfile give
// the same bytes (CI checks it).
import ncc from '@vercel/ncc';
import { transform } from 'esbuild';
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
  // A bundle that uses no built-in has no createRequire import: then nothing is left to rewrite.
  const body = code.startsWith(IMPORT_CREATE_REQUIRE)
    ? code.slice(IMPORT_CREATE_REQUIRE.length)
    : code;
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
 * Parts: what a step loads with import() only when it runs that path: main's check of a
 * workspace, post's release report. Each is a bundle of its own (dist/<part>.js), and the
 * step's import() stays an import() of that file. Webpack's own way, a chunk, made every
 * module the step shares with the chunk an entry of a module table, and added its chunk
 * loader: main and post parsed and ran more at every start, with or without `workspace`
 * (docs/performance.md). A part carries its own copy of the modules it shares with its step
 * (the failure messages, the HTTP calls), which only the runs that load it pay for;
 * ActionFailure is known across the copies by a mark (src/errors/failure.ts).
 *
 * The key is the import() as src/run-main.ts and src/run-post.ts write it. ncc makes such an
 * external a static `import * as NS from "./<part>.js"`, loaded at start; the build turns it
 * back into an import() at the place the step asks for it, and fails if it cannot.
 */
const PARTS = {
  './preflight/run-preflight.js': {
    source: 'src/preflight/run-preflight.ts',
    file: 'run-preflight.js',
  },
  './report/release-report.js': {
    source: 'src/report/release-report.ts',
    file: 'release-report.js',
  },
};
const EXTERNALS = Object.fromEntries(
  Object.entries(PARTS).map(([request, part]) => [request, `./${part.file}`]),
);

/** One module of webpack's table: its id and its text. */
const MODULE_OF_TABLE =
  /^\/\*\*\*\/ (\d+):\n\/\*\*\*\/ \(\([^\n]*\) => \{\n(?:(?!\/\*\*\*\/ \}\)).*\n)*\/\*\*\*\/ \}\)/gm;

/** Each part ncc imported at the top becomes an import() where the step asks for it. */
function importPartsLazily(code, entry) {
  let lazy = code;
  const declarations = [];
  for (const { file } of Object.values(PARTS)) {
    const staticImport = new RegExp(
      `^import \\* as (__WEBPACK_EXTERNAL_MODULE_[A-Za-z0-9_]+__) from "\\./${file.replace('.', '\\.')}";\n`,
      'm',
    );
    const found = staticImport.exec(lazy);
    if (found === null) continue;
    const namespace = found[1];
    // The module of the table that serves the part's exports, reading the namespace.
    const holders = [...lazy.matchAll(MODULE_OF_TABLE)].filter((m) => m[0].includes(namespace));
    const holder = holders.length === 1 ? holders[0] : undefined;
    if (holder === undefined) {
      throw new Error(`${entry}: ncc no longer serves ${file} as the build expects`);
    }
    const id = holder[1];
    const site = `Promise.resolve(/* import() */).then(__nccwpck_require__.bind(__nccwpck_require__, ${id}))`;
    const sites = lazy.split(site).length - 1;
    const uses = lazy.split(namespace).length - 1;
    const inHolder = holder[0].split(namespace).length - 1;
    if (sites === 0 || uses !== 1 + inHolder) {
      throw new Error(
        `${entry}: ${file} is used in a way other than import(), which the build does not know`,
      );
    }
    // The namespace is bound when the import() is done, before the holder's getters read it.
    lazy = lazy
      .replace(found[0], '')
      .replaceAll(
        site,
        `import("./${file}").then((part) => ((${namespace} = part), __nccwpck_require__(${id})))`,
      );
    declarations.push(`let ${namespace};\n`);
  }
  // Where the static imports were: after the bundle's other imports (ncc's createRequire).
  const imports = /^(?:import [^\n]*\n)*/.exec(lazy)?.[0] ?? '';
  return imports + declarations.join('') + lazy.slice(imports.length);
}

/*
 * Every start of a step parses its whole bundle: counted in instructions (bench:instructions),
 * parsing is the largest part of what the action costs beyond the floor. Minified, each step
 * costs about 2% less; with esbuild's tree shaking, which drops what the bundle defines and
 * never uses, about 0.5% less again (docs/performance.md). Done after the rewrites above, which
 * read ncc's own output; esbuild's output is the same for the same input.
 */
async function minify(code, file) {
  const { code: small, warnings } = await transform(code, {
    format: 'esm',
    target: 'es2023',
    minify: true,
    legalComments: 'none',
    treeShaking: true,
  });
  if (warnings.length > 0) {
    throw new Error(`${file}: esbuild warns: ${warnings.map((w) => w.text).join('; ')}`);
  }
  return small;
}

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
/** The bundled packages of every bundle, by name@version, for dist/licenses.txt. */
const licenses = new Map();
const bundles = [
  ...['main', 'post', 'provider'].map((entry) => ({
    source: `src/launch/${entry}.ts`,
    file: `${entry}.js`,
  })),
  ...Object.values(PARTS),
];
for (const { source, file } of bundles) {
  const { code, assets, stats } = await ncc(`${root}${source}`, {
    minify: false,
    sourceMap: false,
    quiet: true,
    target: 'es2023',
    transpileOnly: false,
    license: 'licenses.txt',
    externals: EXTERNALS,
  });
  // ncc adds a package.json that marks the bundle as ESM; the root package.json already does.
  // Any other asset, a chunk (`<id>.index.js`) above all, is an import() the build does not know.
  const extra = Object.keys(assets ?? {}).filter(
    (name) => name !== 'package.json' && name !== 'licenses.txt',
  );
  if (extra.length > 0) {
    throw new Error(
      `${file}: unexpected assets ${extra.join(', ')}: an import() of a module that is not one of the build's PARTS?`,
    );
  }
  const lazy = lazyBuiltins(importPartsLazily(code, file), file);
  await writeFile(`${dist}/${file}`, await minify(lazy, file));
  const licenseText = assets['licenses.txt']?.source.toString() ?? '';
  addBundle(licenses, file, licenseText, stats.compilation.modules);
}
writeLicenses(`${dist}/licenses.txt`, licenses);
console.log(`dist/: ${(await readdir(dist)).join(', ')}`);
