/**
 * The redaction layers one by one, each where it stands: the core that every log line,
 * annotation and summary goes through, and the free-text rule for URLs inside them.
 */
import { summaryLinks } from '../../src/output/summary.js';
import { redactUrls, Redactor, shown, shownUrl } from '../../src/redact/redact.js';
import { withRedaction } from '../../src/redact/redacting-core.js';
import type { Core } from '../../src/runner/core.js';

const SECRET = 'cio_tp_0123456789abcdef0123456789abcdef';

function recordingCore() {
  const written: string[] = [];
  const put = (kind: string) => (text: string) => {
    written.push(`${kind} ${text}`);
  };
  const core: Core = {
    getInput: () => '',
    getState: () => '',
    setSecret: put('mask'),
    setOutput: (name, value) => {
      written.push(`output ${name}=${value}`);
    },
    saveState: (name, value) => {
      written.push(`state ${name}=${value}`);
    },
    exportVariable: (name, value) => {
      written.push(`env ${name}=${value}`);
    },
    debug: put('debug'),
    info: put('info'),
    warning: put('warning'),
    setFailed: put('error'),
    appendSummary: put('summary'),
  };
  return { core, written };
}

test('every human-readable write hides a masked secret and a URL’s query; file commands keep the token', () => {
  const { core, written } = recordingCore();
  const redacting = withRedaction(core);
  redacting.setSecret(SECRET);
  const text = `token ${SECRET} from https://x.example/cb?access_token=q-secret`;

  redacting.debug(text);
  redacting.info(text);
  redacting.warning(text);
  redacting.setFailed(text);
  redacting.appendSummary(text);
  redacting.setOutput('token', SECRET);
  redacting.saveState('token', SECRET);

  const hidden = 'token *** from https://x.example/cb?…';
  expect(written).toEqual([
    `mask ${SECRET}`,
    `debug ${hidden}`,
    `info ${hidden}`,
    `warning ${hidden}`,
    `error ${hidden}`,
    `summary ${hidden}`,
    `output token=${SECRET}`,
    `state token=${SECRET}`,
  ]);
});

describe('free text: a URL’s credentials and query', () => {
  test.each([
    ['see https://auth.example/cb?access_token=q-secret now', 'see https://auth.example/cb?… now'],
    ['at //auth.example/cb#access_token=q-secret', 'at //auth.example/cb#…'],
    ['at https://user:q-secret@auth.example/x', 'at https://***@auth.example/x'],
    ['no URL here?', 'no URL here?'],
  ])('%s', (text, expected) => {
    expect(redactUrls(text)).toBe(expected);
    expect(shown(text)).toBe(expected);
  });
});

describe('a URL value, redacted as a value before the text around it is', () => {
  test.each([
    ['/sso/login?token=q-secret', '/sso/login?…'],
    ['https:user:q-secret@sso.example/login', '***@sso.example/login'],
    ['https://sso.example/login#q-secret', 'https://sso.example/login#…'],
  ])('%s', (value, expected) => {
    expect(shownUrl(value)).toBe(expected);
  });
});

test('no piece of a log line can become a workflow command, whatever ends the line before it', () => {
  const { core, written } = recordingCore();
  const log = withRedaction(core);
  for (const end of ['\n', '\r\n', '\r']) log.info(`before${end}::error::smuggled`);
  for (const entry of written) {
    for (const line of entry.replace(/^info /, '').split(/\r\n|\r|\n/)) {
      expect(line).not.toMatch(/^\s*::/);
    }
  }
  expect(written).toHaveLength(3);
});

test('a URL cut by a cap before its `@` shows nothing of its credentials', () => {
  // The shape a property test found: a registry detail capped inside `user:pass`.
  expect(redactUrls('at https://u:Pw9xxxxS:éx:4(]%%x;xxx,… and more')).toBe(
    'at https://***… and more',
  );
  // A cut host, with no `:`, stays readable; a whole URL is redacted as before.
  expect(redactUrls('at https://crates.i… and more')).toBe('at https://crates.i… and more');
  expect(redactUrls('https://u:p@crates.io/x')).toBe('https://***@crates.io/x');
});

test('the action’s own links to its docs keep their #section; anything else URL-like is still cut', () => {
  const redactor = new Redactor();
  const docs = 'https://github.com/org/auth-action/blob/v1/docs/';
  for (const link of summaryLinks(docs)) redactor.keep(link);
  const { core, written } = recordingCore();
  const redacting = withRedaction(core, redactor);
  redacting.setSecret(SECRET);
  const link = `${docs}troubleshooting.md#the-revocation`;
  redacting.appendSummary(
    `See [the revocation](${link}). Not this: (${link}?t=${SECRET}) nor ${link}x, nor https://x.example/a#b.`,
  );
  expect(written.at(-1)).toBe(
    `summary See [the revocation](${link}). Not this: (${docs}troubleshooting.md#… nor ${docs}troubleshooting.md#… nor https://x.example/a#…`,
  );
  // No docs known (a `run:` step, a local run): nothing is kept.
  expect(summaryLinks(undefined)).toEqual([]);
});
