import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
export const FAMILY_CODE_LENGTH = 32;
export const FAMILY_CODE_PATTERN = /^[0-9a-z]{32}$/;

/**
 * 32 characters of [0-9a-z] from the system's cryptographic source, without modulo bias: bytes of 252 and above
 * (252 = 7 · 36) are drawn again.
 */
export function generateFamilyCode(): string {
  let code = "";
  while (code.length < FAMILY_CODE_LENGTH) {
    for (const byte of randomBytes(FAMILY_CODE_LENGTH)) {
      if (byte >= 252) continue;
      code += ALPHABET[byte % 36];
      if (code.length === FAMILY_CODE_LENGTH) break;
    }
  }
  return code;
}
