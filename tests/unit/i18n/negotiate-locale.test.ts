import { describe, expect, it } from "vitest";
import { negotiateLocale } from "@/lib/i18n/negotiate-locale";

describe("negotiateLocale (Accept-Language → en | sk)", () => {
  it.each([
    ["sk-SK,sk;q=0.9,en-US;q=0.8,en;q=0.7", "sk"],
    ["sk", "sk"],
    ["SK-sk", "sk"],
    ["en-US,en;q=0.9", "en"],
    // q-values decide, not the order.
    ["en;q=0.5,sk;q=0.8", "sk"],
    ["sk;q=0.5,en;q=0.8", "en"],
    // The first listed wins a tie.
    ["sk;q=0.7,en;q=0.7", "sk"],
    // Unsupported languages are skipped; none supported → English.
    ["cs-CZ,cs;q=0.9,sk;q=0.5", "sk"],
    ["de-DE,fr;q=0.9", "en"],
    // q=0 means "not this one".
    ["sk;q=0,en;q=0.1", "en"],
    ["*", "en"],
    ["", "en"],
    ["garbage;;;,==", "en"],
  ])("%s → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it("treats a missing header as English", () => {
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale(undefined)).toBe("en");
  });
});
