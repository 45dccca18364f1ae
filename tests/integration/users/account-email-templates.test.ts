import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listEmailTemplates } from "@/lib/email/list-email-templates";
import { renderEmailTemplate } from "@/lib/email/render-template";
import { EMAIL_CHANGE_CONFIRM_TEMPLATE } from "@/lib/users/email-change-confirm-template";
import { EMAIL_CHANGED_NOTICE_TEMPLATE } from "@/lib/users/email-changed-notice-template";
import { PASSWORD_RESET_TEMPLATE } from "@/lib/users/password-reset-template";
import { seedDemoEmailTemplates } from "@/scripts/seed/demo-email-templates";
import { openTestDatabase } from "../../support/test-database";

/* The three account emails are stored by the seed, so admins find and edit them under Email templates. */

let database: Awaited<ReturnType<typeof openTestDatabase>>;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe("account email templates", () => {
  it("are stored by the seed with their built-in text, once", async () => {
    await seedDemoEmailTemplates(database.db);
    expect(await seedDemoEmailTemplates(database.db)).toEqual([]);
    const listed = await listEmailTemplates(database.db);
    for (const template of [
      PASSWORD_RESET_TEMPLATE,
      EMAIL_CHANGE_CONFIRM_TEMPLATE,
      EMAIL_CHANGED_NOTICE_TEMPLATE,
    ]) {
      expect(
        listed.filter((row) => row.code === template.code),
        template.code,
      ).toEqual([expect.objectContaining({ name: template.name, subject: template.subject })]);
    }
  });

  it("render every variable they use from the context their senders give", () => {
    const base = {
      user: { id: 1, email: "pat@example.com", name: "Pat" },
      subscription: null,
      app: { name: "Subflow", url: "http://x" },
    };
    const cases = [
      {
        template: PASSWORD_RESET_TEMPLATE,
        extra: {
          password_reset: {
            link: "http://x/reset-password/t",
            expires_at: "1 Sept 2026, 09:00 UTC",
          },
        },
      },
      {
        template: EMAIL_CHANGE_CONFIRM_TEMPLATE,
        extra: {
          email_change: { new_email: "n@example.com", link: "http://x/l", expires_at: "soon" },
        },
      },
      {
        template: EMAIL_CHANGED_NOTICE_TEMPLATE,
        extra: { email_change: { old_email: "o@example.com", new_email: "n@example.com" } },
      },
    ];
    for (const { template, extra } of cases) {
      expect(
        renderEmailTemplate(template, { ...base, ...extra }).missingVariables,
        template.code,
      ).toEqual([]);
    }
  });
});
