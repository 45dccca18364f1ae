import { randomLowerAlphanumeric } from "@/lib/random-code";

const FAMILY_CODE_LENGTH = 32;
export const FAMILY_CODE_PATTERN = /^[0-9a-z]{32}$/;

/** 32 characters of [0-9a-z] from the system's cryptographic source. */
export function generateFamilyCode(): string {
  return randomLowerAlphanumeric(FAMILY_CODE_LENGTH);
}
