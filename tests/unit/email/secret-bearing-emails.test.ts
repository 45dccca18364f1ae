import { describe, expect, it } from "vitest";
import { mayEditTemplate, mayReadEmailBody } from "@/lib/email/secret-bearing-emails";

describe("mayReadEmailBody", () => {
  const secrets = ["password_reset", "email_change_confirm", "family_invitation"];

  it("lets an owner read every email, secrets included", () => {
    for (const code of [...secrets, "welcome", null])
      expect(mayReadEmailBody("owner", code)).toBe(true);
  });

  it("withholds the secret-bearing emails from every other staff role, and only those", () => {
    for (const role of ["admin", "support", "marketer", "viewer"] as const) {
      for (const code of secrets) expect(mayReadEmailBody(role, code)).toBe(false);
      expect(mayReadEmailBody(role, "welcome")).toBe(true);
      expect(mayReadEmailBody(role, null)).toBe(true);
    }
  });
});

describe("mayEditTemplate", () => {
  it("keeps the secret-bearing templates to the owner; the others are anyone's who edits templates", () => {
    expect(mayEditTemplate("owner", "password_reset")).toBe(true);
    for (const role of ["admin", "marketer"] as const) {
      for (const code of ["password_reset", "email_change_confirm", "family_invitation"])
        expect(mayEditTemplate(role, code)).toBe(false);
      expect(mayEditTemplate(role, "welcome")).toBe(true);
    }
  });
});
