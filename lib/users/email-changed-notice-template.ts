/**
 * The `email_changed_notice` email, sent to the old address once an email change is confirmed, so the owner notices
 * a change they did not make. Admins may edit it under Email templates (the demo seed stores this text); without a
 * stored template this text is used. The context is the user's (user.email is already the new address) plus
 * `email_change`: old_email and new_email.
 */
export const EMAIL_CHANGED_NOTICE_TEMPLATE_CODE = "email_changed_notice";

export const EMAIL_CHANGED_NOTICE_TEMPLATE = {
  code: EMAIL_CHANGED_NOTICE_TEMPLATE_CODE,
  name: "Email address changed",
  subject: "Your {{app.name}} email address was changed",
  bodyHtml:
    "<p>Hello{{#if user.name}} {{user.name}}{{/if}},</p>\n" +
    "<p>The email address of your {{app.name}} account was changed from {{email_change.old_email}} to " +
    "{{email_change.new_email}}. We will write to the new address from now on.</p>\n" +
    "<p>If you did not make this change, reply to this email at once.</p>",
  bodyText:
    "Hello{{#if user.name}} {{user.name}}{{/if}},\n\n" +
    "The email address of your {{app.name}} account was changed from {{email_change.old_email}} to " +
    "{{email_change.new_email}}. We will write to the new address from now on.\n\n" +
    "If you did not make this change, reply to this email at once.",
};
