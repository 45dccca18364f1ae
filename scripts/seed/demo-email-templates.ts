import type { Db } from "@/lib/db";
import { findEmailTemplateByCode } from "@/lib/email/find-email-template";
import { saveEmailTemplate } from "@/lib/email/save-email-template";
import { FAMILY_INVITATION_TEMPLATE } from "@/lib/family/family-invitation-template";
import { REFERRAL_INVITATION_TEMPLATE } from "@/lib/referrals/referral-invitation-template";
import { EMAIL_CHANGE_CONFIRM_TEMPLATE } from "@/lib/users/email-change-confirm-template";
import { EMAIL_CHANGED_NOTICE_TEMPLATE } from "@/lib/users/email-changed-notice-template";
import { PASSWORD_RESET_TEMPLATE } from "@/lib/users/password-reset-template";

const TEMPLATES = [
  {
    code: "welcome",
    name: "Welcome",
    subject: "Welcome to {{app.name}}, {{user.name}}",
    bodyHtml:
      "<h1>Welcome, {{user.name}}!</h1>\n<p>Thanks for joining {{app.name}}.</p>\n" +
      "{{#if subscription}}<p>Your {{subscription.type_name}} runs until {{subscription.end_at}}.</p>{{/if}}\n" +
      '<p><a href="{{app.url}}/account">Your account</a></p>',
    bodyText:
      "Welcome, {{user.name}}!\n\nThanks for joining {{app.name}}.\n" +
      "{{#if subscription}}Your {{subscription.type_name}} runs until {{subscription.end_at}}.\n{{/if}}\n" +
      "Your account: {{app.url}}/account",
  },
  // What a customer's "Send by email" on /account/family renders (lib/family/send-family-invitation.ts).
  FAMILY_INVITATION_TEMPLATE,
  // What "Invite by email" on /account/referrals and POST /api/v1/referrals render (lib/referrals/send-referral-invitation.ts).
  REFERRAL_INVITATION_TEMPLATE,
  // What /forgot-password and the profile's email change send (lib/users/request-password-reset.ts,
  // request-email-change.ts, confirm-email-change.ts).
  PASSWORD_RESET_TEMPLATE,
  EMAIL_CHANGE_CONFIRM_TEMPLATE,
  EMAIL_CHANGED_NOTICE_TEMPLATE,
];

/** A starter template, so the email area shows something to preview and edit. */
export async function seedDemoEmailTemplates(db: Db): Promise<string[]> {
  const created: string[] = [];
  for (const template of TEMPLATES) {
    if (await findEmailTemplateByCode(db, template.code)) continue;
    await saveEmailTemplate(db, template);
    created.push(`email template ${template.code}`);
  }
  return created;
}
