/**
 * Just enough TOML to find one key cargo's configuration may hold, `registries.NAME.index`, in
 * the forms people write it:
 *
 *     [registries.NAME]           [registries]                        registries.NAME.index = "..."
 *     index = "..."               NAME = { index = "..." }
 *
 * Quoted keys, comments, and basic or literal strings on one line are read; anything else is
 * skipped, never an error: cargo itself reports a configuration it cannot read.
 */

/** A dotted key (`a."b.c".d`) as its parts; undefined when it does not read. */
export function keyPath(text: string): string[] | undefined {
  const parts: string[] = [];
  const re = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(\.|$)/y;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const match = re.exec(text);
    if (match === null) return undefined;
    parts.push(match[1] !== undefined ? unescapeBasic(match[1]) : (match[2] ?? match[3] ?? ''));
    at = re.lastIndex;
    if (match[4] === '') break;
  }
  return parts.length > 0 ? parts : undefined;
}

function unescapeBasic(text: string): string {
  return text.replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)/g, (_, escape: string) => {
    if (escape.length > 1) return String.fromCodePoint(parseInt(escape.slice(1), 16));
    return { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' }[escape] ?? escape;
  });
}

/** A one-line string value at the start of `text`, and what follows it. */
function stringValue(text: string): { value: string; rest: string } | undefined {
  const match = /^\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')(.*)$/.exec(text);
  if (match === null) return undefined;
  const value = match[1] !== undefined ? unescapeBasic(match[1]) : (match[2] ?? '');
  return { value, rest: match[3] ?? '' };
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** `index` in an inline table `{ index = "...", ... }`, if it is there. */
function inlineIndex(text: string): string | undefined {
  const body = /^\s*\{(.*)\}\s*(#.*)?$/.exec(text)?.[1];
  if (body === undefined) return undefined;
  const found = /(?:^|,)\s*(?:index|"index"|'index')\s*=(.*)$/.exec(body);
  return found?.[1] === undefined ? undefined : stringValue(found[1])?.value;
}

/** The value of `registries.<name>.index` in a config file's text, if it sets one. */
export function registryIndexInToml(text: string, name: string): string | undefined {
  const wanted = ['registries', name, 'index'];
  let table: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('[[')) {
      // An array of tables: nothing cargo's `registries` is.
      table = ['[['];
      continue;
    }
    const header = /^\[([^\]]*)\]\s*(#.*)?$/.exec(line);
    if (header !== null) {
      table = keyPath(header[1] ?? '') ?? ['?'];
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = keyPath(line.slice(0, eq));
    if (key === undefined) continue;
    const full = [...table, ...key];
    const rest = line.slice(eq + 1);
    if (same(full, wanted)) {
      const value = stringValue(rest)?.value;
      if (value !== undefined) return value;
    } else if (same(full, wanted.slice(0, 2))) {
      const value = inlineIndex(rest);
      if (value !== undefined) return value;
    }
  }
  return undefined;
}
