import type { EmailTemplateSource } from "@/lib/email/render-template";

const USES_LINK = /\{\{\{?\s*(unsubscribe_url|preferences_url)\s*\}?\}\}/;

/**
 * A marketing template that offers no way out gets one: a footer with both links, in HTML and text. Rendered with
 * the template, so the links are the context's `unsubscribe_url` and `preferences_url`.
 */
export function withUnsubscribeFooter(template: EmailTemplateSource): EmailTemplateSource {
  if ([template.bodyHtml, template.bodyText].some((body) => USES_LINK.test(body))) return template;
  return {
    ...template,
    bodyHtml:
      `${template.bodyHtml}\n` +
      '<p style="margin-top:24px;font-size:12px;color:#71717a">' +
      "You get this email because of your {{app.name}} email preferences. " +
      '<a href="{{unsubscribe_url}}">Unsubscribe</a> · <a href="{{preferences_url}}">Email preferences</a></p>',
    bodyText:
      `${template.bodyText}\n\n--\n` +
      "Unsubscribe: {{unsubscribe_url}}\nEmail preferences: {{preferences_url}}",
  };
}
