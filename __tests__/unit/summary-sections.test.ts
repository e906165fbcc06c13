/**
 * The step summary's sections, whatever they are given: each leads with one status line (✅,
 * ⚠️ or ❌), which is a paragraph of its own as GitHub renders Markdown, however sections are
 * strung together in one step's summary. Also where its links point.
 */
import fc from 'fast-check';
import { diagnoseRefusal } from '../../src/diagnose/explain-refusal.js';
import { diagnosisForSummary } from '../../src/diagnose/render.js';
import { unrevokedSummary } from '../../src/output/summary-line.js';
import { summarySection, troubleshootingLink } from '../../src/output/summary.js';
import { releaseReport } from '../../src/report/release-report.js';
import type { NetDeps } from '../../src/http/call.js';
import { readEnvironment } from '../../src/runner/environment.js';
import { anyText } from '../hostile.js';

const STATUS = /^(✅|⚠️|❌) /u;

/** The status lines of a summary, each with the lines around it. */
function statusParagraphs(summary: string) {
  const lines = summary.split('\n');
  return lines.flatMap((line, i) =>
    STATUS.test(line) ? [{ before: lines[i - 1] ?? '', after: lines[i + 1] ?? '' }] : [],
  );
}

const name = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
const version = fc.stringMatching(/^[0-9A-Za-z.+-]{1,100}$/);

test('any release report, unrevoked line and refusal, strung together: each status line is a paragraph of its own', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.record({ name, version }), { minLength: 1, maxLength: 5 }),
      anyText(200),
      anyText(200),
      fc.integer({ min: 1, max: 4 }),
      async (crates, fix, said, minted) => {
        const report = await releaseReport({} as NetDeps, {
          recorded: [],
          preflight: {
            index: '',
            unpublished: crates.map((c) => `${c.name}@${c.version}`),
          },
          index: { kind: 'none', why: 'the check of the workspace read no index' },
          tokens: { minted, revoked: minted - 1 },
          docs: undefined,
        });
        const refusal = diagnosisForSummary(
          'auth-action: x refused the token exchange',
          said,
          { rows: [], hiddenCauses: [], notes: [said] },
          fix,
        );
        const summary = [unrevokedSummary(1, minted, undefined), report.summary, refusal].join('');
        const paragraphs = statusParagraphs(summary);
        expect(paragraphs).toHaveLength(3);
        for (const around of paragraphs) expect(around).toEqual({ before: '', after: '' });
      },
    ),
  );
});

test('a section after text that ends without a blank line still starts a paragraph', () => {
  const summary = `3 crates to publish; none is out yet.\n${summarySection('✅ got a token')}`;
  expect(statusParagraphs(summary)).toEqual([{ before: '', after: '' }]);
});

test('the rows the registry complained about come first in the summary', () => {
  const claims = {
    repository: 'o/r',
    repositoryOwnerId: '1',
    workflowRef: 'o/r/.github/workflows/release.yml@refs/tags/v1',
    workflowFile: 'release.yml',
    environment: undefined,
    eventName: 'push',
    ref: 'refs/tags/v1',
    issuer: 'https://token.actions.githubusercontent.com',
    audience: 'crates.io',
    issuedAt: 1,
    expiresAt: 2,
  };
  const d = diagnoseRefusal(
    [
      'The Trusted Publishing config for repository `o/r` requires an environment, but the JWT does not specify one. Expected environments: `release`',
    ],
    claims as never,
    { baseUrl: 'https://crates.io', audienceFromInput: false, nowSeconds: 1 },
  );
  const rows = diagnosisForSummary('h', 's', d, 'f')
    .split('\n')
    .filter(
      (line) => line.startsWith('| ') && !line.startsWith('| What') && !line.startsWith('| ---'),
    );
  expect(rows[0]).toMatch(/^\| \*\*✗ Environment/);
  expect(rows.filter((row) => row.includes('✗'))).toHaveLength(1);
});

describe('where the summary’s links point', () => {
  test('the docs at the version the runner runs, from its variables', () => {
    const env = (repository: string, ref: string, server = 'https://github.com') =>
      readEnvironment({
        GITHUB_SERVER_URL: server,
        GITHUB_ACTION_REPOSITORY: repository,
        GITHUB_ACTION_REF: ref,
      }).docs;
    expect(env('org/auth-action', 'v1')).toBe('https://github.com/org/auth-action/blob/v1/docs/');
    expect(env('org/auth-action', 'releases/v1.2')).toBe(
      'https://github.com/org/auth-action/blob/releases/v1.2/docs/',
    );
    expect(env('acme/auth-action', 'v1', 'https://ghe.example.com')).toBe(
      'https://ghe.example.com/acme/auth-action/blob/v1/docs/',
    );
    // Not what GitHub sets: no link, rather than a link somewhere else.
    for (const [repository, ref, server] of [
      ['', 'v1', undefined],
      ['org/auth-action', '', undefined],
      ['org/auth-action/x', 'v1', undefined],
      ['org/auth-action', '../../evil', undefined],
      ['org/auth-action', 'v1#x', undefined],
      ['org/auth-action', 'v1)', undefined],
      ['org/auth-action', 'v1', 'http://github.com'],
      ['org/auth-action', 'v1', 'https://github.com/x'],
    ] as const) {
      expect([repository, ref, server, env(repository, ref, server)]).toEqual([
        repository,
        ref,
        server,
        undefined,
      ]);
    }
  });

  test('without them, the section is named in words', () => {
    expect(troubleshootingLink(undefined, 'revocation', 'the revocation')).toBe(
      "the revocation in auth-action's docs/troubleshooting.md",
    );
    expect(troubleshootingLink('https://x.example/o/r/blob/v1/docs/', 'revocation', 'it')).toBe(
      '[it](https://x.example/o/r/blob/v1/docs/troubleshooting.md#the-revocation)',
    );
  });
});
