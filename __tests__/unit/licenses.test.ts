// The licences of the code in dist/: how the build reads ncc's licence text, judges each
// licence, and what it wrote.
import { readFileSync } from 'node:fs';
import {
  acceptable,
  licenseProblems,
  ownLicense,
  packageOf,
  renderLicenses,
  splitLicenses,
  type BundledPackage,
} from '../../scripts/licenses.mjs';

const MIT = `MIT License

Copyright (c) someone

Permission is hereby granted, free of charge, to any person obtaining a copy.

THE SOFTWARE IS PROVIDED "AS IS".`;

const pkg = (overrides: Partial<BundledPackage>): BundledPackage => ({
  name: 'left-pad',
  version: '1.3.0',
  licenseId: 'MIT',
  declared: 'MIT',
  text: MIT,
  bundles: new Set(['main.js']),
  ...overrides,
});

describe('acceptable', () => {
  test.each([
    ['MIT', true],
    ['ISC', true],
    ['Apache-2.0', true],
    ['BSD-3-Clause', true],
    ['GPL-3.0-only', false],
    ['LGPL-2.1', false],
    ['(MIT OR GPL-3.0-only)', true],
    ['GPL-2.0 OR LGPL-3.0', false],
    ['MIT AND Apache-2.0', true],
    ['MIT AND GPL-3.0-only', false],
    ['MIT OR Apache-2.0 AND GPL-3.0-only', false],
    ['', false],
    ['UNLICENSED', false],
  ])('%p: %p', (expression, expected) => {
    expect(acceptable(expression)).toBe(expected);
  });
});

test('packageOf: the package of a bundled file, scoped or not, nested or not', () => {
  expect(packageOf('/p/node_modules/@actions/core/lib/core.js')).toEqual({
    name: '@actions/core',
    dir: '/p/node_modules/@actions/core',
  });
  expect(packageOf('/p/node_modules/a/node_modules/tunnel/index.js')).toEqual({
    name: 'tunnel',
    dir: '/p/node_modules/a/node_modules/tunnel',
  });
  expect(packageOf('/p/src/main.ts')).toBeUndefined();
});

test('splitLicenses: blocks as ncc writes them, blank lines inside a licence kept', () => {
  const text = `@scope/a\nMIT\n${MIT}\n\n\nb\nISC\nISC License\n\nCopyright b\n`;
  expect(splitLicenses(text, new Set(['@scope/a', 'b', 'unused']))).toEqual([
    { name: '@scope/a', licenseId: 'MIT', text: MIT },
    { name: 'b', licenseId: 'ISC', text: 'ISC License\n\nCopyright b' },
  ]);
  expect(() => splitLicenses('intro\n\nb\nMIT\ntext', new Set(['b']))).toThrow(/starts with/);
});

describe('licenseProblems', () => {
  test('none for accepted licences with their text', () => {
    expect(
      licenseProblems([pkg({}), pkg({ name: 'b', licenseId: 'ISC', declared: 'ISC' })]),
    ).toEqual([]);
  });

  test('a licence not accepted, named with the package and where the list is', () => {
    expect(licenseProblems([pkg({ licenseId: 'GPL-3.0-only', declared: 'GPL-3.0-only' })])).toEqual(
      [
        'left-pad@1.3.0 is under "GPL-3.0-only", which is not among the accepted licences (MIT, ISC, Apache-2.0, BSD-2-Clause, BSD-3-Clause, 0BSD, in scripts/licenses.mjs): drop the dependency, or accept the licence there after reading it',
      ],
    );
  });

  test('a package without licence text, and ncc reading another licence than declared', () => {
    expect(
      licenseProblems([pkg({ text: '' }), pkg({ name: 'c', licenseId: 'Copyright c' })]),
    ).toEqual([
      'left-pad@1.3.0 ships no licence text, and its notice must travel with the bundle',
      'c@1.3.0: ncc read its licence as "Copyright c", package.json says "MIT"',
    ]);
  });
});

test("ownLicense: a package's own id and licence file, for one ncc's text leaves out (a chunk's packages)", () => {
  const dir = new URL('../../node_modules/semver', import.meta.url).pathname;
  const own = ownLicense('semver', dir);
  expect(own).toMatchObject({ name: 'semver', licenseId: 'ISC' });
  expect(own.text).toMatch(/^The ISC License/);
});

test('renderLicenses: one section per package, sorted, with the bundles that hold it', () => {
  const text = renderLicenses([
    pkg({ name: 'zed', bundles: new Set(['post.js', 'main.js']) }),
    pkg({ name: '@a/b' }),
  ]);
  expect(text.indexOf('@a/b 1.3.0 (MIT), in main.js\n')).toBeLessThan(
    text.indexOf('zed 1.3.0 (MIT), in main.js, post.js\n'),
  );
});

test('dist/licenses.txt: a section for each bundled package, each accepted, each with its text', () => {
  const written = readFileSync(new URL('../../dist/licenses.txt', import.meta.url), 'utf8');
  const sections = written.split(/^-{80}\n/m).slice(1);
  const headers = sections.map((section) => section.split('\n')[0] ?? '');
  expect(headers.map((header) => header.split(' ')[0])).toEqual(
    // semver is bundled in a chunk of its own: its entry's licences must not be lost with it.
    expect.arrayContaining(['@actions/core', '@actions/http-client', 'semver', 'tunnel']),
  );
  for (const section of sections) {
    const [header = '', , ...text] = section.split('\n');
    const licence = /^\S+ \S+ \((.+)\), in (?:[a-z-]+\.js(?:, )?)+$/.exec(header)?.[1] ?? '';
    expect(acceptable(licence)).toBe(true);
    expect(text.join('\n').trim()).not.toBe('');
  }
});
