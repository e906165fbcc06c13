// Bundles src/main.ts and src/post.ts into dist/main.js and dist/post.js with ncc.
// The output is deterministic: the same sources and lockfile give the same bytes.
import ncc from '@vercel/ncc';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;

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
  await writeFile(`${dist}/${entry}.js`, code);
}
console.log(`dist/: ${(await readdir(dist)).join(', ')}`);
