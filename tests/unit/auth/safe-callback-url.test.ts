import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/components/auth/safe-callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths with their query and hash", () => {
    expect(safeCallbackUrl("/family/activate/abc")).toBe("/family/activate/abc");
    expect(safeCallbackUrl("/account/upgrade?tags=a,b#offers")).toBe(
      "/account/upgrade?tags=a,b#offers",
    );
    expect(safeCallbackUrl(["/admin", "/x"])).toBe("/admin");
  });

  it.each([
    undefined,
    "",
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    " /account",
    "account",
  ])("refuses %j", (value) => {
    expect(safeCallbackUrl(value)).toBe("/account");
  });
});
