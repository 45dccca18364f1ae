/**
 * The `password_reset` email, sent by /forgot-password and POST /api/v1/users/password-reset. Admins may edit it under
 * Email templates (the demo seed stores this text); without a stored template this text is used. The context is the
 * user's plus `password_reset`: link (single use) and expires_at (one hour after sending).
 */
export const PASSWORD_RESET_TEMPLATE_CODE = "password_reset";

export const PASSWORD_RESET_TEMPLATE = {
  code: PASSWORD_RESET_TEMPLATE_CODE,
  name: "Password reset",
  subject: "Reset your {{app.name}} password",
  bodyHtml:
    "<p>Hello{{#if user.name}} {{user.name}}{{/if}},</p>\n" +
    "<p>Someone asked to reset the password of your {{app.name}} account.</p>\n" +
    '<p><a href="{{password_reset.link}}">Choose a new password</a></p>\n' +
    "<p>The link works once, until {{password_reset.expires_at}}. If you did not ask for it, ignore this email: " +
    "your password stays as it is.</p>",
  bodyText:
    "Hello{{#if user.name}} {{user.name}}{{/if}},\n\n" +
    "Someone asked to reset the password of your {{app.name}} account.\n\n" +
    "Choose a new password: {{password_reset.link}}\n\n" +
    "The link works once, until {{password_reset.expires_at}}. If you did not ask for it, ignore this email: " +
    "your password stays as it is.",
};
