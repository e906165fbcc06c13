import { parseFileCommands } from '../../rig/runner.js';
import { checksumChar, isTrustedToken, newTrustedToken } from '../../rig/trusted-token.js';
import { indexPath } from '../../rig/registry.js';

test('the rig’s tokens follow crates.io’s format and test vectors', () => {
  expect(isTrustedToken('cio_tp_gGK6jurSwKyl9V3Az19z7YEFQI9aoOOd')).toBe(true);
  expect(isTrustedToken('cio_tp_0000000000000000000000000000000w')).toBe(true);
  expect(isTrustedToken('cio_tp_0000000000000000000000000000000x')).toBe(false);
  expect(checksumChar('0'.repeat(31))).toBe('w');
  const token = newTrustedToken();
  expect(token).toHaveLength(39);
  expect(isTrustedToken(token)).toBe(true);
});

test('the runner’s file commands: NAME=VALUE and heredocs', () => {
  expect(
    parseFileCommands('a=1\ntoken<<ghadelimiter_x\nline1\nline2\nghadelimiter_x\nb=x=y\n'),
  ).toEqual({
    a: '1',
    token: 'line1\nline2',
    b: 'x=y',
  });
  expect(() => parseFileCommands('token<<EOF\nno end\n')).toThrow('no closing delimiter');
});

test('sparse index paths', () => {
  expect(['a', 'ab', 'abc', 'hello-tp'].map(indexPath)).toEqual([
    '1/a',
    '2/ab',
    '3/a/abc',
    'he/ll/hello-tp',
  ]);
});
