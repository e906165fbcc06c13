import { parse, TomlError } from 'smol-toml';
import type { ConfigDoubt } from '../errors/failure.js';

/**
 * One of cargo's configuration files, read with a TOML 1.1 parser (smol-toml: cargo 1.95's
 * parser reads TOML 1.1 too, multi-line inline tables and `\x41` escapes included) into the
 * values cargo keeps: each with the file that set it, as cargo's `Definition` does.
 */
export type ConfigValue =
  | { kind: 'table'; entries: Map<string, ConfigValue>; file: string }
  | { kind: 'list'; items: ConfigValue[]; file: string }
  | { kind: 'string'; value: string; file: string }
  | { kind: 'boolean'; value: boolean; file: string }
  | { kind: 'integer'; file: string };

export type ConfigTable = Extract<ConfigValue, { kind: 'table' }>;

export type TomlRead = { ok: true; table: ConfigTable } | { ok: false; doubt: ConfigDoubt };

/**
 * Deeper than this, a file is not read (a doubt): cargo's own settings nest four deep, and a
 * recursion over a hostile file must not run out of stack.
 */
export const MAX_CONFIG_DEPTH = 64;

/** A key path as cargo writes it in a message: `registries.local.index`, odd parts quoted. */
export function keyText(parts: readonly string[]): string {
  return parts
    .map((part) => (/^[A-Za-z0-9_-]+$/.test(part) ? part : JSON.stringify(part)))
    .join('.');
}

class Refused extends Error {
  constructor(readonly doubt: ConfigDoubt) {
    super(doubt.kind);
  }
}

/** What cargo keeps of a TOML value (`ConfigValue::from_toml`): no floats, no dates. */
function fromToml(value: unknown, file: string, path: string[]): ConfigValue {
  if (path.length > MAX_CONFIG_DEPTH) {
    const problem = `it nests deeper than ${MAX_CONFIG_DEPTH} levels, more than the check reads`;
    throw new Refused({ kind: 'unreadable', file, problem });
  }
  if (typeof value === 'string') return { kind: 'string', value, file };
  if (typeof value === 'boolean') return { kind: 'boolean', value, file };
  if (typeof value === 'bigint') return { kind: 'integer', file };
  if (Array.isArray(value)) {
    return {
      kind: 'list',
      items: value.map((item: unknown, i) => fromToml(item, file, [...path, String(i)])),
      file,
    };
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const entries = new Map<string, ConfigValue>();
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      entries.set(key, fromToml(item, file, [...path, key]));
    }
    return { kind: 'table', entries, file };
  }
  // A float (a JS number: integers come as bigint) or a date-time: cargo refuses the file.
  const type = value instanceof Date ? 'date-time' : 'float';
  throw new Refused({ kind: 'unsupported-value', file, key: keyText(path), type });
}

/** smol-toml's reason, without its code frame: the first line, and where. */
function tomlProblem(error: unknown): string {
  if (error instanceof TomlError) {
    const first = error.message.split('\n', 1)[0] ?? '';
    return `line ${error.line}, column ${error.column}: ${first.replace(/^Invalid TOML document: /, '')}`;
  }
  return error instanceof RangeError ? 'it nests too deeply' : 'it does not parse';
}

/** The table a config file's text holds, or why cargo could not (or the check cannot) use it. */
export function readConfigToml(text: string, file: string): TomlRead {
  let parsed: Record<string, unknown>;
  try {
    parsed = parse(text, { integersAsBigInt: true, maxDepth: MAX_CONFIG_DEPTH });
  } catch (error) {
    return { ok: false, doubt: { kind: 'not-toml', file, problem: tomlProblem(error) } };
  }
  try {
    return { ok: true, table: fromToml(parsed, file, []) as ConfigTable };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, doubt: error.doubt };
    return { ok: false, doubt: { kind: 'not-toml', file, problem: tomlProblem(error) } };
  }
}
