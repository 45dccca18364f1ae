import "server-only";
import { createHash, randomBytes } from "node:crypto";

export type TokenKind = "api" | "user";

/** A new random bearer token: 32 bytes from the OS's CSPRNG, base64url, with a readable prefix. */
export function generateToken(kind: TokenKind): string {
  return `sf_${kind}_${randomBytes(32).toString("base64url")}`;
}

/** Tokens carry 256 bits of entropy, so a fast hash is the right tool (a password hash would only slow requests). */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The first characters of a token, kept to help a person recognise it in a list. */
export function tokenPrefix(token: string): string {
  return token.slice(0, 12);
}
