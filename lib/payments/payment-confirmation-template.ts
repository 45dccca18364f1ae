/**
 * The `payment_confirmation` email: a charge made without the customer (a renewal, an upgrade) needs them to confirm
 * it with their bank (SCA). Admins may edit it under Email templates; this text is used when no template with the
 * code exists. The context is the customer's plus `payment`: amount (formatted), description and link (where they
 * confirm).
 */
export const PAYMENT_CONFIRMATION_TEMPLATE_CODE = "payment_confirmation";

export const PAYMENT_CONFIRMATION_TEMPLATE = {
  code: PAYMENT_CONFIRMATION_TEMPLATE_CODE,
  name: "Payment needs your confirmation",
  subject: "Please confirm your payment of {{payment.amount}}",
  bodyHtml:
    "<p>Hello{{#if user.name}} {{user.name}}{{/if}},</p>\n" +
    "<p>Your bank asks you to confirm the payment of {{payment.amount}} for {{payment.description}}.</p>\n" +
    '<p><a href="{{payment.link}}">Confirm the payment</a></p>\n' +
    "<p>Until you confirm it, the payment is on hold.</p>",
  bodyText:
    "Hello{{#if user.name}} {{user.name}}{{/if}},\n\n" +
    "Your bank asks you to confirm the payment of {{payment.amount}} for {{payment.description}}.\n\n" +
    "Confirm the payment: {{payment.link}}\n\n" +
    "Until you confirm it, the payment is on hold.",
};
