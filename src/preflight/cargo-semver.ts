import Range from 'semver/classes/range.js';
import SemVer from 'semver/classes/semver.js';

/**
 * cargo's versions and version requirements, read as cargo reads them (the `semver` crate:
 * `Version::parse`, `VersionReq::parse`), and matched with npm's `semver`. The requirement
 * syntax is cargo's, not npm's: a bare `1.2` is `^1.2`, comparators are separated by commas,
 * and there is no `||`. Each comparator is rewritten in npm's syntax with the same meaning
 * (checked against cargo itself: __tests__/e2e/preflight-yanked.test.ts).
 */

/** A version as cargo's `semver::Version::parse` accepts it (SemVer 2.0; numbers fit in 64 bits). */
const VERSION_SYNTAX =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;
const U64_MAX = 2n ** 64n - 1n;

const fitsU64 = (digits: string | undefined) =>
  digits === undefined || digits.length < 20 || BigInt(digits) <= U64_MAX;

/** Whether cargo reads `text` as a version. */
export function isCargoVersion(text: string): boolean {
  const match = VERSION_SYNTAX.exec(text);
  return match !== null && fitsU64(match[1]) && fitsU64(match[2]) && fitsU64(match[3]);
}

/** A version as a registry compares it: without its build metadata (`1.0.0+a` is `1.0.0`). */
export function withoutBuild(version: string): string {
  const plus = version.indexOf('+');
  return plus === -1 ? version : version.slice(0, plus);
}

type Op = '=' | '>' | '>=' | '<' | '<=' | '~' | '^' | '*';

/** One comparator of a requirement: the version's parts that were given, wildcards left out. */
interface Comparator {
  op: Op;
  major: string;
  minor: string | undefined;
  patch: string | undefined;
  pre: string | undefined;
}

/** A requirement as cargo parsed it: the comparators all of which a version must match. */
export interface CargoReq {
  text: string;
  comparators: Comparator[];
}

const WILDCARD = /^[*xX]/;
const NUMBER = /^(0|[1-9]\d*)/;
const IDENTIFIERS = /^[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*/;
/** cargo refuses more (`ExcessiveComparators`). */
const MAX_COMPARATORS = 32;

/** The start of `text` as one comparator (cargo's `comparator` in semver's parse.rs), and the rest. */
function comparator(input: string): { comparator: Comparator; rest: string } | undefined {
  const op = /^(>=|<=|=|>|<|~|\^)?/.exec(input)?.[1];
  let text = input.slice(op?.length ?? 0).replace(/^ +/, '');
  const number = () => {
    const found = NUMBER.exec(text)?.[1];
    if (found === undefined || !fitsU64(found)) return undefined;
    text = text.slice(found.length);
    return found;
  };
  const major = number();
  if (major === undefined) return undefined;
  let minor: string | undefined;
  let patch: string | undefined;
  let wildcard = false;
  if (text.startsWith('.')) {
    text = text.slice(1);
    if (WILDCARD.test(text)) {
      wildcard = true;
      text = text.slice(1);
    } else if ((minor = number()) === undefined) return undefined;
  }
  if (text.startsWith('.')) {
    text = text.slice(1);
    if (WILDCARD.test(text)) {
      wildcard = true;
      text = text.slice(1);
    } else if (wildcard || (patch = number()) === undefined) return undefined;
  }
  let pre: string | undefined;
  if (patch !== undefined && text.startsWith('-')) {
    pre = IDENTIFIERS.exec(text.slice(1))?.[0];
    // A numeric identifier of more than one digit may not start with 0 in a pre-release.
    if (pre === undefined || pre.split('.').some((id) => /^0\d+$/.test(id))) return undefined;
    text = text.slice(1 + pre.length);
  }
  if (patch !== undefined && text.startsWith('+')) {
    const build = IDENTIFIERS.exec(text.slice(1))?.[0];
    if (build === undefined) return undefined;
    text = text.slice(1 + build.length);
  }
  // A wildcard without an operator matches like `=` (semver's `Op::Wildcard`).
  const kind: Op = op === undefined ? (wildcard ? '*' : '^') : (op as Op);
  return { comparator: { op: kind, major, minor, patch, pre }, rest: text.replace(/^ +/, '') };
}

/** A requirement as cargo's `VersionReq::parse` reads it; undefined when cargo would refuse it. */
export function parseCargoReq(input: string): CargoReq | undefined {
  let text = input.replace(/^ +/, '');
  if (WILDCARD.test(text)) {
    return text.slice(1).replace(/^ +/, '') === '' ? { text: input, comparators: [] } : undefined;
  }
  const comparators: Comparator[] = [];
  for (;;) {
    const next = comparator(text);
    if (next === undefined) return undefined;
    comparators.push(next.comparator);
    if (next.rest === '') return { text: input, comparators };
    if (!next.rest.startsWith(',') || comparators.length === MAX_COMPARATORS) return undefined;
    text = next.rest.slice(1).replace(/^ +/, '');
  }
}

/** One comparator in npm's syntax, with cargo's meaning. */
function npmComparator({ op, major, minor, patch, pre }: Comparator): string {
  const version = [major, minor, patch].filter((part) => part !== undefined).join('.');
  const full = pre === undefined ? version : `${version}-${pre}`;
  // npm reads a bare or `=` partial version (`1.2`) as cargo reads `1.2.*`.
  return `${op === '*' ? '=' : op}${full}`;
}

/** npm's reading of a requirement, built once: undefined when npm cannot hold it (a huge number). */
export function npmRange(req: CargoReq): Range | undefined {
  try {
    return new Range(req.comparators.map(npmComparator).join(' ') || '*');
  } catch {
    return undefined;
  }
}

/**
 * Whether `version` matches the requirement as cargo matches it (a pre-release only matches a
 * comparator of the same major.minor.patch that has a pre-release itself, in npm as in cargo).
 * Undefined when npm cannot read the version.
 */
export function matches(range: Range, version: string): boolean | undefined {
  let parsed: SemVer;
  try {
    parsed = new SemVer(version);
  } catch {
    return undefined;
  }
  return range.test(parsed);
}
