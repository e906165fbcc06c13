/**
 * The one redaction step for text the action prints. It works on the text as it is, without
 * parsing it as a URL first, so a value that does not parse is redacted like one that does.
 */

/** Longest stretch of a value from outside that a message shows. */
export const MAX_SHOWN = 300;

/**
 * A URL-like stretch in free text: from a `//` up to a space, a quote or a backtick. Whatever it
 * holds before its last `@` is credentials; from its first `?` or `#` on, a query or a
 * fragment, which often carry tokens too. (A scheme before the `//` is left as it is, so it
 * need not be matched: matching it made the search quadratic in a long run of letters.)
 */
const URLISH = /\/\/[^\s`'"<>]*/g;

function redactUrlish(urlish: string): string {
  const start = urlish.indexOf('//') + 2;
  let rest = urlish.slice(start);
  const at = rest.lastIndexOf('@');
  if (at !== -1) rest = `***${rest.slice(at)}`;
  // A cap that cut the stretch inside `user:pass` left no `@` to find: a cut authority with a
  // `:` in it shows nothing of itself.
  else if (/^[^/?#]*:[^/?#]*…$/.test(rest)) rest = '***…';
  const cut = rest.search(/[?#]/);
  if (cut !== -1) rest = `${rest.slice(0, cut)}${rest.charAt(cut)}…`;
  return urlish.slice(0, start) + rest;
}

/**
 * Credentials without a `//` before them (`user:pass@host`, `https::pass@host`): in a run of
 * text up to a blank, a quote or a backtick that holds no `//`, what stands between its first
 * `:` and its last `@` is hidden. Found by a property test: a scheme written without its
 * slashes showed the password.
 */
const RUN = /[^\s`'"<>]+/g;

// A plain scan of each run: a pattern for the same thing backtracks over every start of a long
// run (quadratic in a 64 KiB body of letters).
function redactBareCredentials(run: string): string {
  const colon = run.indexOf(':');
  const at = run.lastIndexOf('@');
  if (colon === -1 || at < colon || run.includes('//')) return run;
  return `${run.slice(0, colon + 1)}***${run.slice(at)}`;
}

/** Credentials, queries and fragments of anything URL-like, whether or not it parses. */
export function redactUrls(text: string): string {
  return text.replace(URLISH, redactUrlish).replace(RUN, redactBareCredentials);
}

/**
 * A value meant as a URL (an input, state, a target, a Location), redacted without parsing it,
 * so that it is redacted the same whether it parses or not (`https://user:p ss@cra tes.io`,
 * `https:user:pass@host`, `{https://...`): in each stretch between slashes (either way), what
 * comes before its last `@` is credentials, whatever characters it holds; from the first `?`
 * or `#` on, a query or a fragment.
 */
export function redactUrlValue(value: string): string {
  const parts = value.split(/([/\\])/).map((part) => {
    const at = part.lastIndexOf('@');
    return at === -1 ? part : `***${part.slice(at)}`;
  });
  const out = parts.join('');
  const cut = out.search(/[?#]/);
  return cut === -1 ? out : `${out.slice(0, cut)}${out.charAt(cut)}…`;
}

/**
 * What cannot be shown on a line, by Unicode's own categories: control characters (`Cc`: line
 * breaks, escapes, NEL among them), format characters (`Cf`: the bidirectional controls that
 * make a line read otherwise than it is written, zero-width and invisible characters, tags),
 * and the line and paragraph separators (`Zl`, `Zp`). Made on first need: V8 looks each
 * category up in ICU's tables as soon as the pattern is made, some 3 million instructions (1 %
 * of main's start-up), and a release's text is usually printable ASCII throughout. (Made from a
 * string: V8 checks a pattern written as a literal when it parses the bundle.)
 */
let unshowable: RegExp | undefined;

/** Printable ASCII only: nothing in it is Cc, Cf, Zl or Zp. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/** Every run of characters that cannot be shown on a line, one space. */
export function oneLine(text: string): string {
  if (PLAIN_ASCII.test(text)) return text;
  unshowable ??= new RegExp('[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]+', 'gu');
  return text.replace(unshowable, ' ');
}

/**
 * Text that the runner cannot read as a workflow command: it takes a line for one when it
 * starts with `::` after blanks, or holds the legacy `##[name]` anywhere (actions/runner,
 * ActionCommand.TryParseV2 and TryParse). A space breaks either form; nothing else changes.
 */
export function noWorkflowCommand(line: string): string {
  // .NET's TrimStart also takes U+0085 (NEL), which JavaScript's \s does not.
  return line.replace(/##\[/g, '## [').replace(/^([\s\u0085]*):(?=:)/, '$1: ');
}

/** Passes of shown()'s rule; each one after the first reads at most `max` + 1 characters. */
const MAX_PASSES = 4;

/**
 * THE rule for a value from outside (an ID token's claim, a registry's or a server's words, a
 * name, a variable, an error's text, a file's content) before it goes into any log line,
 * annotation, summary or answer to cargo: URL credentials and queries redacted, every run of
 * control and format characters one space (so it stays on its line), no workflow command, and
 * at most `max` characters (a cut is marked with `…`). What it shows, it shows again as it is
 * (`shown(shown(x)) === shown(x)`). Everything the action prints about what came from outside
 * goes through here.
 */
export function shown(value: string, max = MAX_SHOWN): string {
  let out = oneLine(value);
  // Until nothing changes, so that what it shows is shown again as it is: its own cap can leave
  // what the rule hides (`//user:…`, a cut authority), and a space it puts in can split a run.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const flat = noWorkflowCommand(redactUrls(out));
    const next = flat.length > max ? `${flat.slice(0, max)}…` : flat;
    if (next === out) break;
    out = next;
  }
  return out;
}

/** A value meant as a URL (an input, state, a target, a Location), as a message shows it. */
export function shownUrl(value: string, max = MAX_SHOWN): string {
  return shown(redactUrlValue(value), max);
}

/** A cut secret's start this long is hidden too; a shorter one says next to nothing. */
const MIN_CUT = 4;

/**
 * KMP's table for `secret`: at i, the length of the longest proper prefix of secret[0..i] that
 * also ends it. It lets the search below read each character once.
 */
function prefixTable(secret: string): Int32Array {
  const table = new Int32Array(secret.length);
  for (let i = 1, k = 0; i < secret.length; i++) {
    while (k > 0 && secret.charCodeAt(i) !== secret.charCodeAt(k)) k = table[k - 1] ?? 0;
    if (secret.charCodeAt(i) === secret.charCodeAt(k)) k++;
    table[i] = k;
  }
  return table;
}

/**
 * The length of the longest start of `secret` (shorter than all of it) that `text` ends with
 * just before `end`: one pass over at most secret.length characters, however repetitive both
 * are (a search from each candidate start took about 0.7 s for long repetitive tokens).
 */
function cutSecretLength(text: string, end: number, secret: string, table: Int32Array): number {
  // A secret without `…` cannot run across an earlier cut: each character of a text is then
  // read once for all its cuts, however many `…` it holds.
  const after = secret.includes('…') ? 0 : text.lastIndexOf('…', end - 1) + 1;
  let k = 0;
  for (let i = Math.max(0, end - secret.length + 1, after); i < end; i++) {
    const c = text.charCodeAt(i);
    while (k > 0 && c !== secret.charCodeAt(k)) k = table[k - 1] ?? 0;
    if (c === secret.charCodeAt(k)) k++;
    if (k === secret.length) k = table[k - 1] ?? 0;
  }
  return k;
}

/**
 * Where a message cut a value short (shown() and the error body's cap mark every cut with
 * `…`) in the middle of `secret`: the start of the secret before the mark is replaced too.
 */
function hideCut(text: string, secret: string, table: Int32Array): string {
  let out = text;
  for (let cut = out.indexOf('…'); cut !== -1; cut = out.indexOf('…', cut + 1)) {
    const length = cutSecretLength(out, cut, secret, table);
    if (length >= MIN_CUT) {
      out = `${out.slice(0, cut - length)}***${out.slice(cut)}`;
      cut = cut - length + 3;
    }
  }
  return out;
}

/**
 * The shortest value the redactor looks for: a shorter one would turn ordinary words into ***.
 * No secret the action handles is that short: the token rule (src/exchange/token-response.ts)
 * refuses a registry token under MIN_TOKEN_LENGTH, which is above this.
 */
export const MIN_SECRET_LENGTH = 8;

/**
 * The secrets the action knows (the JWT, every registry token, the job's request token), so
 * that everything it writes itself shows `***` in their place, even where the runner would
 * mask them too: whole, on one line as shown() flattens them, or cut short by a cap.
 */
export class Redactor {
  private readonly secrets = new Set<string>();
  /** The action's own links (to its docs, at a section), left whole: see keep(). */
  private readonly kept = new Set<string>();
  /** Each secret's KMP table, made the first time a cut is looked for. */
  private readonly tables = new Map<string, Int32Array>();

  add(secret: string): void {
    if (secret.length < MIN_SECRET_LENGTH) return;
    this.secrets.add(secret);
    // As shown() would show it, without cutting it or reading URLs in it.
    const flat = noWorkflowCommand(oneLine(secret));
    if (flat !== secret && flat.trim().length >= MIN_SECRET_LENGTH) this.secrets.add(flat);
  }

  /**
   * A URL the action builds itself from values it checked (a link to a section of its docs),
   * left whole where it appears: the rule for outside text would cut its `#section`. A secret
   * inside it is still replaced, and then it is no longer this URL.
   */
  keep(url: string): void {
    this.kept.add(url);
  }

  private table(secret: string): Int32Array {
    let table = this.tables.get(secret);
    if (table === undefined) {
      table = prefixTable(secret);
      this.tables.set(secret, table);
    }
    return table;
  }

  /** `text` with every known secret, and every URL's credentials and query, replaced. */
  apply(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is replaced whole.
    const secrets = [...this.secrets].sort((a, b) => b.length - a.length);
    for (const secret of secrets) out = out.split(secret).join('***');
    if (out.includes('…'))
      for (const secret of secrets) out = hideCut(out, secret, this.table(secret));
    return this.redactAround(out, [...this.kept]);
  }

  /** redactUrls on everything but the kept URLs, each a stretch of its own. */
  private redactAround(text: string, kept: string[]): string {
    const [url, ...others] = kept;
    if (url === undefined) return redactUrls(text);
    return text
      .split(url)
      .map((piece) => this.redactAround(piece, others))
      .join(url);
  }
}
