/**
 * A dependency's `target` as cargo reads it from an index line (cargo-platform's
 * `Platform::from_str`): `cfg(<expression>)`, or a target's name. Only whether it reads: an index
 * line whose `target` cargo refuses is not a version to cargo.
 */

type Token = '(' | ')' | ',' | '=' | { ident: string; raw: boolean } | { string: string };

/** cargo-platform's tokenizer: spaces between tokens, ASCII identifiers (`r#` raw ones), strings. */
function tokens(text: string): Token[] | undefined {
  const out: Token[] = [];
  const re = / +|([(),=])|"([^"]*)"|(r#)?([A-Za-z_][A-Za-z0-9_]*)/y;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const match = re.exec(text);
    if (match === null) return undefined;
    at = re.lastIndex;
    if (match[1] !== undefined) out.push(match[1] as Token);
    else if (match[2] !== undefined) out.push({ string: match[2] });
    else if (match[4] !== undefined) out.push({ ident: match[4], raw: match[3] !== undefined });
  }
  return out;
}

/** An identifier; with `keyword`, that keyword written plainly (`r#all` is a name, not `all`). */
const isIdent = (token: Token | undefined, keyword?: string): boolean =>
  typeof token === 'object' &&
  'ident' in token &&
  (keyword === undefined || (token.ident === keyword && !token.raw));

/** cargo-platform's `Parser::expr`, from `at`; the position after it, or undefined. */
function expression(list: Token[], at: number): number | undefined {
  const token = list[at];
  if (isIdent(token, 'all') || isIdent(token, 'any')) {
    if (list[at + 1] !== '(') return undefined;
    let i = at + 2;
    while (list[i] !== ')') {
      const next = expression(list, i);
      if (next === undefined) return undefined;
      i = next;
      if (list[i] === ',') i++;
      else if (list[i] !== ')') return undefined;
    }
    return i + 1;
  }
  if (isIdent(token, 'not')) {
    if (list[at + 1] !== '(') return undefined;
    const inner = expression(list, at + 2);
    return inner !== undefined && list[inner] === ')' ? inner + 1 : undefined;
  }
  if (!isIdent(token)) return undefined;
  if (list[at + 1] !== '=') return at + 1;
  const value = list[at + 2];
  return typeof value === 'object' && 'string' in value ? at + 3 : undefined;
}

/** Whether cargo reads `text` as a dependency's platform. */
export function isCargoPlatform(text: string): boolean {
  if (text.startsWith('cfg(') && text.endsWith(')')) {
    const list = tokens(text.slice(4, -1));
    return list !== undefined && expression(list, 0) === list.length;
  }
  return /^[\p{Alphabetic}\p{Nd}\p{Nl}\p{No}_.-]*$/u.test(text);
}
