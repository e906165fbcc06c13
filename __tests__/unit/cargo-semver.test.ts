/**
 * cargo's version requirements, read with cargo's syntax and matched by npm's semver. The
 * cases come from the semver crate's own tests (tests/test_version_req.rs) and cargo's
 * documentation of its requirement syntax; __tests__/e2e/preflight-yanked.test.ts asks cargo
 * itself which version each of a set of requirements selects.
 */
import fc from 'fast-check';
import { isCargoPlatform } from '../../src/preflight/cargo-platform.js';
import {
  isCargoVersion,
  matches,
  npmRange,
  parseCargoReq,
} from '../../src/preflight/cargo-semver.js';
import { anyText } from '../hostile.js';

const matching = (req: string, version: string) => {
  const parsed = parseCargoReq(req);
  const range = parsed && npmRange(parsed);
  if (range === undefined) throw new Error(`no range for ${req}`);
  return matches(range, version);
};

describe('cargo requirements, matched as cargo matches them', () => {
  test.each([
    // A bare version is a caret requirement in cargo (npm reads it as exact).
    ['1.2.3', ['1.2.3', '1.2.4', '1.9.0'], ['1.2.2', '2.0.0', '1.3.0-alpha']],
    ['1.2', ['1.2.0', '1.9.9'], ['1.1.9', '2.0.0']],
    ['1', ['1.0.0', '1.9.9'], ['0.9.0', '2.0.0']],
    ['0.2', ['0.2.0', '0.2.9'], ['0.3.0', '0.1.9']],
    ['0.0.3', ['0.0.3'], ['0.0.4', '0.0.2']],
    ['0.0', ['0.0.0', '0.0.9'], ['0.1.0']],
    ['^0.2.0', ['0.2.0', '0.2.7'], ['0.3.0']],
    ['~1.2.3', ['1.2.3', '1.2.9'], ['1.3.0']],
    ['~1', ['1.0.0', '1.9.0'], ['2.0.0']],
    ['=1.2', ['1.2.0', '1.2.9'], ['1.3.0', '1.2.0-rc.1']],
    ['=0.2.0', ['0.2.0', '0.2.0+build'], ['0.2.1']],
    ['>1.2', ['1.3.0', '2.0.0'], ['1.2.9']],
    ['>=1.2', ['1.2.0'], ['1.1.9']],
    ['<1.2', ['1.1.9'], ['1.2.0', '1.2.0-alpha']],
    ['<=1.2', ['1.2.9'], ['1.3.0']],
    ['1.*', ['1.0.0', '1.9.0'], ['2.0.0']],
    ['1.2.*', ['1.2.0'], ['1.3.0']],
    ['*', ['0.0.1', '9.0.0'], ['1.0.0-alpha']],
    ['x', ['1.0.0'], []],
    ['>= 0', ['0.0.0', '5.0.0'], ['1.0.0-rc.1']],
    ['>=1.2, <2.*', ['1.2.0', '1.9.0'], ['2.0.0', '1.1.0']],
    ['>= 1.2 , < 1.5', ['1.4.0'], ['1.5.0']],
    // A pre-release matches only a comparator of its own major.minor.patch with a pre-release.
    [
      '^1.2.3-beta',
      ['1.2.3-beta', '1.2.3-beta.2', '1.2.3', '1.3.0'],
      ['1.2.3-alpha', '1.3.0-beta', '2.0.0-beta'],
    ],
    ['>=1.0.0-alpha, <1.0.0', ['1.0.0-alpha', '1.0.0-rc.1'], ['1.0.0', '0.9.0-alpha']],
    ['=1.0.0-rc.1', ['1.0.0-rc.1'], ['1.0.0-rc.2', '1.0.0']],
    ['1.2.3+build', ['1.2.3', '1.4.0'], ['1.2.2']],
  ])('%s', (req, yes, no) => {
    for (const v of yes) expect([req, v, matching(req, v)]).toEqual([req, v, true]);
    for (const v of no) expect([req, v, matching(req, v)]).toEqual([req, v, false]);
  });

  test.each([
    '',
    'abc',
    '1.2.3.4',
    '01.2',
    '1.2.3-01',
    '1.*.3',
    '1.2.*-pre',
    '* , 1',
    '1 || 2',
    '1.2.3 1.2.4',
    '^1.2.3-',
    'x.y',
    '>= 1,',
    Array.from({ length: 33 }, () => '>=1').join(','),
  ])('%j is no requirement cargo reads', (req) => {
    expect(parseCargoReq(req)).toBeUndefined();
  });

  test('32 comparators are cargo’s limit, not 33', () => {
    expect(parseCargoReq(Array.from({ length: 32 }, () => '>=1').join(','))).toBeDefined();
  });

  test('numbers npm cannot hold: no range, or the version not judged (undefined), never a throw', () => {
    expect(parseCargoReq('18446744073709551615')).toBeDefined();
    expect(parseCargoReq('18446744073709551616')).toBeUndefined();
    const range = npmRange(parseCargoReq('^1') ?? { text: '', comparators: [] });
    expect(range && matches(range, '1.99999999999999999.0')).toBeUndefined();
  });

  test('any text: a requirement or undefined; any version: true, false or undefined; never a throw', () => {
    fc.assert(
      fc.property(
        fc.oneof(anyText(), fc.stringMatching(/^[ =<>^~*xX0-9.,+-]{0,20}$/)),
        fc.oneof(
          anyText(),
          fc.stringMatching(/^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}(-[a-z0-9.]{1,5})?$/),
        ),
        (req, version) => {
          const parsed = parseCargoReq(req);
          if (parsed === undefined) return;
          const range = npmRange(parsed);
          if (range === undefined) return;
          expect([true, false, undefined]).toContain(matches(range, version));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('versions and platforms, as cargo reads them', () => {
  test.each([
    ['1.0.0', true],
    ['0.1.0-rc.1+b7', true],
    ['1.0.0-0.3.7', true],
    ['1.0.0+20130313144700', true],
    ['1.0.0-x.7.z.92', true],
    ['18446744073709551615.0.0', true],
    ['18446744073709551616.0.0', false],
    ['1.0', false],
    ['v1.0.0', false],
    ['01.0.0', false],
    ['1.0.0-01', false],
    ['1.0.0+', false],
    ['1.0.0-', false],
    ['1.0.0 ', false],
  ])('version %j: %s', (text, valid) => {
    expect(isCargoVersion(text)).toBe(valid);
  });

  test.each([
    ['cfg(unix)', true],
    ['cfg(all(unix, target_arch = "x86_64"))', true],
    ['cfg(any(windows, not(r#any)))', true],
    ['cfg(all())', true],
    ['cfg(any(a,))', true],
    ['cfg( not ( a ) )', true],
    ['x86_64-pc-windows-msvc', true],
    ['', true],
    ['cfg()', false],
    ['cfg(', false],
    ['cfg(a))', false],
    ['cfg(a b)', false],
    ['cfg(a = b)', false],
    ['cfg(r#1)', false],
    ['cfg(not(a, b))', false],
    ['cfg(all(a b))', false],
    ['x86 64', false],
    ['linux(', false],
  ])('target %j: %s', (text, valid) => {
    expect(isCargoPlatform(text)).toBe(valid);
  });

  test('any text: a platform or not, never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(anyText(), fc.stringMatching(/^cfg\([a-z_(), ="]{0,30}\)$/)), (text) => {
        expect(typeof isCargoPlatform(text)).toBe('boolean');
      }),
    );
  });
});
