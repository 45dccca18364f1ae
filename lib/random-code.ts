import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * `length` characters of [0-9a-z] from the system's cryptographic source, without modulo bias: bytes of 252 and
 * above (252 = 7 · 36) are drawn again.
 */
export function randomLowerAlphanumeric(length: number): string {
  let code = "";
  while (code.length < length) {
    for (const byte of randomBytes(length)) {
      if (byte >= 252) continue;
      code += ALPHABET[byte % 36];
      if (code.length === length) break;
    }
  }
  return code;
}
