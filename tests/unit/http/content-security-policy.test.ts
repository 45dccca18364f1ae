import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce } from "@/lib/http/content-security-policy";

/** The policy as directive → sources, as a browser reads it. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((directive) => {
      const [name = "", ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

const production = directives(contentSecurityPolicy({ nonce: "abc123==", development: false }));
const development = directives(contentSecurityPolicy({ nonce: "abc123==", development: true }));

describe("contentSecurityPolicy", () => {
  it("runs only scripts that carry the request's nonce, and what they load, without eval in production", () => {
    expect(production.get("script-src")).toEqual([
      "'self'",
      "'nonce-abc123=='",
      "'strict-dynamic'",
    ]);
  });

  it("allows eval in development only, where React rebuilds server error stacks with it", () => {
    expect(development.get("script-src")).toContain("'unsafe-eval'");
    expect(development.get("script-src")).toContain("'nonce-abc123=='");
    expect(production.get("script-src")).not.toContain("'unsafe-eval'");
  });

  it("never allows inline scripts", () => {
    for (const policy of [production, development]) {
      expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
      expect(policy.get("default-src")).toEqual(["'self'"]);
    }
  });

  it("allows inline styles (React Flow's style attributes, email previews) with no nonce that would switch that off", () => {
    expect(production.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("forbids framing, plugins and another <base>, and sends forms only to us and to Stripe Checkout", () => {
    expect(production.get("frame-ancestors")).toEqual(["'none'"]);
    expect(production.get("object-src")).toEqual(["'none'"]);
    expect(production.get("base-uri")).toEqual(["'self'"]);
    expect(production.get("form-action")).toEqual(["'self'", "https://checkout.stripe.com"]);
  });

  it("is one header line with no empty directive", () => {
    const policy = contentSecurityPolicy({ nonce: createNonce(), development: false });
    expect(policy).not.toMatch(/[\r\n]/);
    expect(policy.split(";").every((directive) => directive.trim().split(/\s+/).length >= 2)).toBe(
      true,
    );
  });
});

describe("createNonce", () => {
  it("is 128 random bits in base64, the nonce grammar, and new every time", () => {
    const nonces = Array.from({ length: 50 }, () => createNonce());
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(atob(nonce)).toHaveLength(16);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
  });
});
