import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderEmailTemplate } from "@/lib/email/render-template";
import { saveEmailTemplate } from "@/lib/email/save-email-template";
import { SLOVAK_BUILT_IN_TEMPLATES } from "@/lib/email/slovak-built-in-templates";
import { FAMILY_INVITATION_TEMPLATE } from "@/lib/family/family-invitation-template";
import { PAYMENT_CONFIRMATION_TEMPLATE } from "@/lib/payments/payment-confirmation-template";
import { REFERRAL_INVITATION_TEMPLATE } from "@/lib/referrals/referral-invitation-template";
import { createUser } from "@/lib/users/create-user";
import { EMAIL_CHANGE_CONFIRM_TEMPLATE } from "@/lib/users/email-change-confirm-template";
import { EMAIL_CHANGED_NOTICE_TEMPLATE } from "@/lib/users/email-changed-notice-template";
import { PASSWORD_RESET_TEMPLATE } from "@/lib/users/password-reset-template";
import { requestPasswordReset } from "@/lib/users/request-password-reset";
import { openTestDatabase } from "../../support/test-database";
import { PASSWORD, sentTo, uniqueEmail } from "./account-kit";

/* The built-in emails in Slovak: chosen by the recipient's language, with the same variables as the English text. */

let database: Awaited<ReturnType<typeof openTestDatabase>>;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const BUILT_IN = [
  PASSWORD_RESET_TEMPLATE,
  EMAIL_CHANGE_CONFIRM_TEMPLATE,
  EMAIL_CHANGED_NOTICE_TEMPLATE,
  PAYMENT_CONFIRMATION_TEMPLATE,
  FAMILY_INVITATION_TEMPLATE,
  REFERRAL_INVITATION_TEMPLATE,
];

const variables = (source: string) =>
  new Set([...source.matchAll(/\{\{[#/]?(?:if\s+)?([\w.]+)\}\}/g)].map((match) => match[1]));

describe("Slovak built-in emails", () => {
  it("exist for every built-in email and use the same variables", () => {
    for (const template of BUILT_IN) {
      const slovak = SLOVAK_BUILT_IN_TEMPLATES[template.code];
      expect(slovak, template.code).toBeDefined();
      for (const part of ["subject", "bodyHtml", "bodyText"] as const) {
        expect(variables(slovak![part]), `${template.code} ${part}`).toEqual(
          variables(template[part]),
        );
      }
      // Each renders without a parse error.
      expect(() => renderEmailTemplate(slovak!, {})).not.toThrow();
    }
  });

  it("a Slovak customer's password reset comes in Slovak with a Slovak date; an English one's in English", async () => {
    const slovakEmail = uniqueEmail("slovak");
    await createUser(database.db, { email: slovakEmail, password: PASSWORD, locale: "sk" });
    const englishEmail = uniqueEmail("english");
    await createUser(database.db, { email: englishEmail, password: PASSWORD });

    expect(
      await requestPasswordReset(database.db, { email: slovakEmail, clientAddress: null }),
    ).toBe("sent");
    expect(
      await requestPasswordReset(database.db, { email: englishEmail, clientAddress: null }),
    ).toBe("sent");

    const [slovak] = await sentTo(database.db, slovakEmail, PASSWORD_RESET_TEMPLATE.code);
    expect(slovak!.subject).toBe("Obnovenie hesla do Subflow");
    expect(slovak!.bodyText).toContain("Nastaviť nové heslo: ");
    expect(slovak!.bodyText).toMatch(/do \d{1,2}\. \d{1,2}\. \d{4} \d{2}:\d{2} UTC/);
    const [english] = await sentTo(database.db, englishEmail, PASSWORD_RESET_TEMPLATE.code);
    expect(english!.subject).toBe("Reset your Subflow password");
  });

  it("admins' stored <code>_sk template wins over the built-in Slovak text", async () => {
    await saveEmailTemplate(database.db, {
      code: "password_reset_sk",
      name: "Obnovenie hesla (SK)",
      subject: "Vlastný predmet",
      bodyHtml: "<p>{{password_reset.link}}</p>",
      bodyText: "{{password_reset.link}}",
    });
    const email = uniqueEmail("slovak-custom");
    await createUser(database.db, { email, password: PASSWORD, locale: "sk" });
    await requestPasswordReset(database.db, { email, clientAddress: null });
    const [sent] = await sentTo(database.db, email, PASSWORD_RESET_TEMPLATE.code);
    expect(sent!.subject).toBe("Vlastný predmet");
  });
});
