/**
 * Any answer a registry gives to the exchange or the revocation, crates.io's words with hostile
 * values in them or anything else: the action's paragraph is one clean paragraph, bounded, with
 * no secret in it, whichever fix it gives. The values in crates.io's templates (names, IDs,
 * lists) are where a registry's words meet the action's own sentences.
 */
import fc from 'fast-check';
import { describeError, describeFailure } from '../../src/errors/describe.js';
import { ActionFailure } from '../../src/errors/failure.js';
import { readRefusal } from '../../src/exchange/refusal.js';
import { unsuccessful } from '../../src/http/outcome.js';
import { Redactor } from '../../src/redact/redact.js';
import {
  anySecret,
  anyText,
  AT_PASS,
  AT_URL,
  expectReadable,
  fromOutside,
  outsideText,
  password,
} from '../hostile.js';

/** A value a registry puts in its words: text, a secret in text, a URL with a password. */
const value = (secret: string, url: fc.Arbitrary<string>) =>
  fc.oneof(
    outsideText(),
    fc.tuple(anyText(), anyText()).map(([a, b]) => `${a}${secret}${b}`),
    url,
  );

const list = (v: fc.Arbitrary<string>) =>
  fc
    .array(v, { minLength: 1, maxLength: 12 })
    .map((items) => items.map((i) => `\`${i}\``).join(', '));

/** crates.io's templates, each filled with hostile values; or any text at all. */
function detail(secret: string, url: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const v = value(secret, url);
  const config = (repo: string) => `The Trusted Publishing config for repository \`${repo}\``;
  return fc.oneof(
    fc.constantFrom(
      'Failed to decode JWT',
      'Missing JWT key ID',
      'Invalid JWT key ID',
      'Failed to load OIDC key set',
      'JWT has already been used',
      'No matching Trusted Publishing config found',
      'Missing `Authorization` header',
    ),
    v.map((iss) => `Unsupported JWT issuer: ${iss}`),
    v.map(
      (e) =>
        `Trusted Publishing does not support the \`${e}\` event trigger due to security concerns. Please use a different trigger such as \`push\`, \`release\`, or \`workflow_dispatch\`.`,
    ),
    v.map((c) => `Unexpected \`${c}\` value`),
    v.map((r) => `No Trusted Publishing config found for repository \`${r}\`.`),
    fc
      .tuple(v, v, fc.array(v, { minLength: 1, maxLength: 12 }))
      .map(
        ([r, id, ids]) =>
          `${config(r)} does not match the repository owner ID (${id}) in the JWT. Expected owner IDs: ${ids.join(', ')}. Please recreate the Trusted Publishing config to update the repository owner ID.`,
      ),
    fc
      .tuple(v, v, list(v))
      .map(
        ([r, w, ws]) =>
          `${config(r)} does not match the workflow filename \`${w}\` in the JWT. Expected workflow filenames: ${ws}`,
      ),
    fc
      .tuple(v, list(v))
      .map(
        ([r, es]) =>
          `${config(r)} requires an environment, but the JWT does not specify one. Expected environments: ${es}`,
      ),
    fc
      .tuple(v, v, list(v))
      .map(
        ([r, e, es]) =>
          `${config(r)} does not match the environment \`${e}\` in the JWT. Expected environments: ${es}`,
      ),
    v.map((p) => `Invalid \`Authorization\` header: ${p}`),
    v,
  );
}

// In free text, as in properties-messages: a URL password ends at a space or a quote.
const tame = password.map((p) => p.replace(/[\s`'"<>]/g, 'x'));
const scenario = fc.tuple(anySecret, tame).chain(([secret, pass]) =>
  fc.record({
    secret: fc.constant(secret),
    pass: fc.constant(pass),
    details: fc.array(
      detail(
        secret,
        fc.tuple(anyText(), anyText()).map(([a, b]) => `${a}https://u:${pass}@crates.io${b}`),
      ),
      { minLength: 1, maxLength: 3 },
    ),
    status: fc.constantFrom(400, 401, 403, 422, 500, 503),
    call: fc.constantFrom('exchange' as const, 'revoke' as const),
  }),
);

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJyZXBvc2l0b3J5Ijoib3duZXIvcmVwbyJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const CONFIG = 'The Trusted Publishing config for repository `o/r`';

/** crates.io's words with the values a generator rarely puts in them. */
const RARE: [Scenario][] = (
  [
    [
      400,
      'exchange',
      [
        `${CONFIG} does not match the repository owner ID (${AT_URL}) in the JWT. Expected owner IDs: ${JWT}, \u202e. Please recreate the Trusted Publishing config to update the repository owner ID.`,
      ],
    ],
    [
      400,
      'exchange',
      [
        `${CONFIG} does not match the workflow filename \`${'w'.repeat(500)}\` in the JWT. Expected workflow filenames: \`a\`, \`\``,
      ],
    ],
    [
      400,
      'exchange',
      [
        `${CONFIG} requires an environment, but the JWT does not specify one. Expected environments: ${Array(13).fill('`e`').join(', ')}`,
      ],
    ],
    [500, 'exchange', ['Failed to load OIDC key set', `see ${AT_URL}`]],
    [401, 'revoke', [`Invalid \`Authorization\` header: ${AT_URL} ${JWT}`]],
    [403, 'exchange', [`Unsupported JWT issuer: ${AT_URL}`]],
  ] as const
).map(([status, call, details]) => [
  { secret: JWT, pass: AT_PASS, details: [...details], status, call },
]);

test('any answer: one clean paragraph, bounded, with no secret, whatever fix it gives', () => {
  fc.assert(
    fc.property(scenario, ({ secret, pass, details, status, call }) => {
      // The registry's own words may hold what only code should say; such words are not ours.
      fc.pre(details.every(fromOutside));
      const body = JSON.stringify({ errors: details.map((d) => ({ detail: d })) });
      const outcome = unsuccessful(
        call,
        'https://crates.io',
        { status, headers: { 'content-type': 'application/json' }, body, truncated: false },
        0,
      );
      if (outcome.done) throw new Error('a refusal read as a success');
      const redactor = new Redactor();
      redactor.add(secret);
      const message = redactor.apply(describeError(new ActionFailure(outcome.failure), true));
      expectReadable(message, [secret, pass]);
      expect(message).toMatch(/[.!?…]$/);
    }),
    { numRuns: 300, examples: RARE },
  );
});

test('the paragraph itself, before the Redactor, hides every URL password in the answer', () => {
  fc.assert(
    fc.property(scenario, ({ pass, details, status, call }) => {
      fc.pre(details.every(fromOutside));
      const body = JSON.stringify({ errors: details.map((d) => ({ detail: d })) });
      const outcome = unsuccessful(
        call,
        'https://crates.io',
        { status, headers: { 'content-type': 'application/json' }, body, truncated: false },
        0,
      );
      if (outcome.done) throw new Error('a refusal read as a success');
      expectReadable(describeFailure(outcome.failure), [pass]);
    }),
    { numRuns: 300, examples: RARE },
  );
});

test('the reader never throws, and reads crates.io’s own words as what they are', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 200 }), { maxLength: 4 }), (d) => {
      readRefusal(d);
    }),
    {
      examples: [
        [['Unexpected `` value']],
        [['Unsupported JWT issuer: ']],
        [[`${CONFIG} does not match the repository owner ID () in the JWT. Expected owner IDs: .`]],
        [[`${CONFIG} does not match the environment \`\` in the JWT. Expected environments: `]],
        [['No Trusted Publishing config found for repository ``.', '']],
      ],
    },
  );
  expect(readRefusal(['x', 'JWT has already been used'])).toEqual({ kind: 'replayed' });
  expect(
    readRefusal([
      'The Trusted Publishing config for repository `o/r` requires an environment, but the JWT does not specify one. Expected environments: `prod`, `release`',
    ]),
  ).toEqual({ kind: 'environment-required', repository: 'o/r', expected: ['prod', 'release'] });
});
