/**
 * The `referral_invitation` email (admin → Email templates may edit it; the demo seed stores this text). The context is
 * the referrer's (`user` = who invites) plus `referral`: link (their /r/<code> link), sender_name, friend_name (may
 * be empty) and friend_reward (what the friend gets, e.g. "20% off a payment"; empty when the program gives nothing).
 * Used as is when no template with the code exists, so invitations work on a bare install too.
 */
export const REFERRAL_INVITATION_TEMPLATE_CODE = "referral_invitation";

export const REFERRAL_INVITATION_TEMPLATE = {
  code: REFERRAL_INVITATION_TEMPLATE_CODE,
  name: "Referral invitation",
  subject: "{{referral.sender_name}} invites you to {{app.name}}",
  bodyHtml:
    "<p>Hello{{#if referral.friend_name}} {{referral.friend_name}}{{/if}},</p>\n" +
    "<p>{{referral.sender_name}} uses {{app.name}} and invites you to join.</p>\n" +
    "{{#if referral.friend_reward}}<p>Sign up through the link below and you get {{referral.friend_reward}}.</p>\n{{/if}}" +
    '<p><a href="{{referral.link}}">Create your account</a></p>\n' +
    "<p>If you do not know {{referral.sender_name}}, ignore this email.</p>",
  bodyText:
    "Hello{{#if referral.friend_name}} {{referral.friend_name}}{{/if}},\n\n" +
    "{{referral.sender_name}} uses {{app.name}} and invites you to join.\n\n" +
    "{{#if referral.friend_reward}}Sign up through the link below and you get {{referral.friend_reward}}.\n\n{{/if}}" +
    "Create your account: {{referral.link}}\n\n" +
    "If you do not know {{referral.sender_name}}, ignore this email.",
};
