/**
 * The `email_change_confirm` email, sent to the new address when a customer asks to change their email (profile page,
 * POST /api/v1/users/me/email). Admins may edit it under Email templates (the demo seed stores this text); without a
 * stored template this text is used. The context is the user's (user.email is still the old address) plus
 * `email_change`: new_email, link (single use) and expires_at (24 hours after sending).
 */
export const EMAIL_CHANGE_CONFIRM_TEMPLATE_CODE = "email_change_confirm";

export const EMAIL_CHANGE_CONFIRM_TEMPLATE = {
  code: EMAIL_CHANGE_CONFIRM_TEMPLATE_CODE,
  name: "Confirm new email address",
  subject: "Confirm your new {{app.name}} email address",
  bodyHtml:
    "<p>Hello{{#if user.name}} {{user.name}}{{/if}},</p>\n" +
    "<p>To use {{email_change.new_email}} for your {{app.name}} account, confirm it:</p>\n" +
    '<p><a href="{{email_change.link}}">Confirm my new address</a></p>\n' +
    "<p>The link works once, until {{email_change.expires_at}}. If you did not ask for this, ignore this email.</p>",
  bodyText:
    "Hello{{#if user.name}} {{user.name}}{{/if}},\n\n" +
    "To use {{email_change.new_email}} for your {{app.name}} account, confirm it:\n\n" +
    "{{email_change.link}}\n\n" +
    "The link works once, until {{email_change.expires_at}}. If you did not ask for this, ignore this email.",
};
