import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const TOKEN_PREFIX = 'cio_tp_';

/** crates.io's checksum: XOR of the 31 characters' bytes, mod 62, into the alphabet. */
export function checksumChar(body: string): string {
  let xor = 0;
  for (const byte of Buffer.from(body, 'ascii')) xor ^= byte;
  return ALPHABET.charAt(xor % 62);
}

export function newTrustedToken(): string {
  let body = '';
  for (let i = 0; i < 31; i++) body += ALPHABET.charAt(randomInt(62));
  return `${TOKEN_PREFIX}${body}${checksumChar(body)}`;
}

/** True for a well-formed `cio_tp_` token with a right checksum. */
export function isTrustedToken(value: string): boolean {
  const match = /^cio_tp_([A-Za-z0-9]{31})([A-Za-z0-9])$/.exec(value);
  return match !== null && checksumChar(match[1] ?? '') === match[2];
}
