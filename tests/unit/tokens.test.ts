import { describe, expect, it } from "vitest";
import { generateToken, hashToken, tokenPrefix } from "@/lib/auth/tokens";

describe("bearer tokens", () => {
  it("are random, prefixed by kind and long", () => {
    const a = generateToken("api");
    const b = generateToken("api");
    expect(a).not.toBe(b);
    expect(a).toMatch(/^sf_api_[A-Za-z0-9_-]{43}$/);
    expect(generateToken("user")).toMatch(/^sf_user_/);
  });

  it("hash to a stable SHA-256 hex digest that does not contain the token", () => {
    const token = generateToken("user");
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token.slice(8));
    // The standard SHA-256 test vector, so a changed algorithm cannot pass unnoticed.
    expect(hashToken("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("keep a short display prefix", () => {
    expect(tokenPrefix("sf_api_abcdefghijk")).toBe("sf_api_abcde");
  });
});
