/**
 * The `family_invitation` email (admin → Email templates may edit it; the demo seed stores this text). The context is
 * the sender's (`user` = the master) plus `family`: link, type_name, content (names, comma-separated), sender_name.
 * Used as is when no template with the code exists, so the customer's "Send by email" works on a bare install too.
 */
export const FAMILY_INVITATION_TEMPLATE_CODE = "family_invitation";

export const FAMILY_INVITATION_TEMPLATE = {
  code: FAMILY_INVITATION_TEMPLATE_CODE,
  name: "Family invitation",
  subject: "{{family.sender_name}} shares {{family.type_name}} with you",
  bodyHtml:
    "<p>Hello,</p>\n<p>{{family.sender_name}} shares their {{app.name}} family subscription with you: " +
    "<strong>{{family.type_name}}</strong> ({{family.content}}).</p>\n" +
    '<p><a href="{{family.link}}">Activate your subscription</a></p>\n' +
    "<p>The link works once. If you do not know {{family.sender_name}}, ignore this email.</p>",
  bodyText:
    "Hello,\n\n{{family.sender_name}} shares their {{app.name}} family subscription with you: " +
    "{{family.type_name}} ({{family.content}}).\n\nActivate your subscription: {{family.link}}\n\n" +
    "The link works once. If you do not know {{family.sender_name}}, ignore this email.",
};
