// The licences of the third-party code in dist/, for scripts/build.mjs. ncc (its `license`
// option) writes one text per bundle: for each package it bundled, sorted by name, the name, the
// licence id from its package.json and the text of its licence file. The build merges the texts
// of all its entries into dist/licenses.txt, one section per package, and refuses a licence
// that is not in ACCEPTED or a package that ships no licence text.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** SPDX ids of the licences whose code may ship in dist/: permissive, notice kept. */
export const ACCEPTED = ['MIT', 'ISC', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', '0BSD'];

/** An SPDX expression is acceptable if one side of an OR is, or every part of an AND. */
export function acceptable(expression, accepted = ACCEPTED) {
  const bare = expression.trim().replace(/^\((.*)\)$/, '$1');
  const or = bare.split(/\s+OR\s+/);
  const and = bare.split(/\s+AND\s+/);
  if (or.length > 1 && and.length > 1) return false; // mixed: judge it by hand
  if (or.length > 1) return or.some((id) => accepted.includes(id.trim()));
  return and.every((id) => accepted.includes(id.trim()));
}

/** The package a bundled file belongs to: its name and directory, from the resource path. */
export function packageOf(resource) {
  const match = /^(.*[\\/]node_modules[\\/])((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(resource);
  if (match === null) return undefined;
  const [, prefix, name] = match;
  return { name: name.replace('\\', '/'), dir: prefix + name };
}

/**
 * Splits ncc's licence text into a block per package. `names` is every package the bundle
 * took a module from: a block starts at the top, or after a blank line, with one of them
 * alone on its line.
 */
export function splitLicenses(text, names) {
  // A bundle of the project's own code alone (a part such as the release report) has none.
  if (text.trim() === '') return [];
  const lines = text.replace(/\n+$/, '').split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const starts = (i === 0 || lines[i - 1] === '') && names.has(lines[i]);
    if (starts) blocks.push({ name: lines[i], lines: [] });
    else if (blocks.length === 0) throw new Error(`ncc's licence text starts with "${lines[i]}"`);
    else blocks.at(-1).lines.push(lines[i]);
  }
  return blocks.map(({ name, lines: [licenseId = '', ...text] }) => ({
    name,
    licenseId,
    text: text.join('\n').trim(),
  }));
}

/**
 * What is wrong with the bundled packages' licences: a licence not accepted, no licence text,
 * or ncc's id differing from the package's own.
 */
export function licenseProblems(packages, accepted = ACCEPTED) {
  const problems = [];
  for (const p of packages) {
    const what = `${p.name}@${p.version}`;
    if (p.licenseId !== p.declared) {
      problems.push(
        `${what}: ncc read its licence as "${p.licenseId}", package.json says "${p.declared}"`,
      );
    } else if (!acceptable(p.licenseId, accepted)) {
      problems.push(
        `${what} is under "${p.licenseId}", which is not among the accepted licences (${accepted.join(', ')}, in scripts/licenses.mjs): drop the dependency, or accept the licence there after reading it`,
      );
    }
    if (p.text === '') {
      problems.push(`${what} ships no licence text, and its notice must travel with the bundle`);
    }
  }
  return problems;
}

/** dist/licenses.txt: one section per package, by name, saying which bundles hold it. */
export function renderLicenses(packages) {
  const rule = '-'.repeat(80);
  const sections = [...packages]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(
      (p) =>
        `${rule}\n${p.name} ${p.version} (${p.licenseId}), in ${[...p.bundles].sort().join(', ')}\n\n${p.text}\n`,
    );
  return `Third-party code in dist/, with the licence each package ships. Written by \`npm run build\`
(scripts/build.mjs, scripts/licenses.mjs) from what ncc bundled: do not edit.

${sections.join('\n')}`;
}

/**
 * A package's licence as it ships it, for one ncc's text leaves out: ncc writes one licence file
 * per chunk under one name, so with a chunk that bundles packages of its own, the entry's text
 * is lost. The id is the one its package.json declares; the text is its LICENSE (or LICENCE,
 * COPYING) file.
 */
export function ownLicense(name, dir) {
  const manifest = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  return {
    name,
    licenseId: typeof manifest.license === 'string' ? manifest.license : '',
    text: file === undefined ? '' : readFileSync(`${dir}/${file}`, 'utf8').trim(),
  };
}

/**
 * Adds one bundle's packages to `merged` (a Map by name@version): ncc's licence text for it, and
 * its compilation's modules, which tell the packages apart and where their package.json is.
 */
export function addBundle(merged, bundle, nccText, modules) {
  const dirs = new Map();
  for (const module of modules) {
    const resource = module.resource ?? module.rootModule?.resource;
    const found = typeof resource === 'string' ? packageOf(resource) : undefined;
    if (found === undefined) continue;
    const known = dirs.get(found.name);
    if (known !== undefined && known !== found.dir) {
      throw new Error(
        `${bundle}: two copies of ${found.name} are bundled (${known}, ${found.dir})`,
      );
    }
    dirs.set(found.name, found.dir);
  }
  const blocks = splitLicenses(nccText, new Set(dirs.keys()));
  const covered = new Set(blocks.map((block) => block.name));
  for (const [name, dir] of dirs) if (!covered.has(name)) blocks.push(ownLicense(name, dir));
  for (const block of blocks) {
    const manifest = JSON.parse(readFileSync(`${dirs.get(block.name)}/package.json`, 'utf8'));
    const key = `${block.name}@${manifest.version}`;
    const entry = merged.get(key) ?? {
      ...block,
      version: manifest.version,
      declared: typeof manifest.license === 'string' ? manifest.license : '',
      bundles: new Set(),
    };
    entry.bundles.add(bundle);
    merged.set(key, entry);
  }
}

/** Checks the merged packages' licences and writes the file, or throws saying what is wrong. */
export function writeLicenses(file, merged) {
  const packages = [...merged.values()];
  const problems = licenseProblems(packages);
  if (problems.length > 0) {
    throw new Error(`the licences of the bundled code:\n  ${problems.join('\n  ')}`);
  }
  writeFileSync(file, renderLicenses(packages));
}
