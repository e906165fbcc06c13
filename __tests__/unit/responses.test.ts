import { parseErrorBody } from '../../src/http/error-body.js';
import type { HttpResponse } from '../../src/http/transport.js';
import { parseTokenResponse } from '../../src/exchange/token-response.js';

const response = (body: string, type = 'application/json', truncated = false): HttpResponse => ({
  status: 400,
  headers: { 'content-type': type },
  body,
  truncated,
});

test('a good token', () => {
  expect(
    parseTokenResponse(response('{"token":"cio_tp_gGK6jurSwKyl9V3Az19z7YEFQI9aoOOd"}')),
  ).toEqual({
    ok: true,
    token: 'cio_tp_gGK6jurSwKyl9V3Az19z7YEFQI9aoOOd',
  });
});

test.each([
  ['{"token":"cio_tp_0000000000\\tb"}', 'its `token` contains whitespace or control characters'],
  [
    '{"token":"cio_tp_0000000000\\u0000b"}',
    'its `token` contains whitespace or control characters',
  ],
  ['{"token":" cio_tp_0000000000"}', 'its `token` contains whitespace or control characters'],
  ['[]', 'the JSON has no `token` string'],
  ['"cio_tp_x"', 'the JSON has no `token` string'],
  ['', 'its body is not JSON (application/json)'],
])('%s is malformed: %s', (body, problem) => {
  expect(parseTokenResponse(response(body))).toMatchObject({ ok: false, problem });
});

test('crates.io errors: every detail, cleaned', () => {
  expect(
    parseErrorBody(
      response('{"errors":[{"detail":"one\\nline"},{"detail":"two"},{"x":1},{"detail":""}]}'),
    ),
  ).toEqual({ details: ['one line', 'two'], unexpectedBody: undefined });
});

test('GitHub messages', () => {
  expect(parseErrorBody(response('{"message":"Bad credentials"}')).details).toEqual([
    'Bad credentials',
  ]);
});

test('an HTML page is described, not echoed', () => {
  expect(parseErrorBody(response('<h1>Down</h1>', 'text/html; charset=utf-8'))).toEqual({
    details: [],
    unexpectedBody: { contentType: 'text/html', bytes: 13, truncated: false },
  });
});

test('a very long detail is cut', () => {
  const [detail] = parseErrorBody(
    response(JSON.stringify({ errors: [{ detail: 'x'.repeat(5000) }] })),
  ).details;
  expect(detail).toHaveLength(1001);
});
