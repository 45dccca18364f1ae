import type { EmailTemplateSource } from "./render-template";

/**
 * The Slovak text of the built-in emails, by template code: sent to a recipient whose language is Slovak when admins
 * have stored no `<code>_sk` template (lib/email/find-localized-template.ts). The variables are the English
 * templates' (lib/users/*-template.ts, lib/payments/payment-confirmation-template.ts, lib/family/…, lib/referrals/…).
 */
export const SLOVAK_BUILT_IN_TEMPLATES: Record<string, EmailTemplateSource> = {
  password_reset: {
    subject: "Obnovenie hesla do {{app.name}}",
    bodyHtml:
      "<p>Dobrý deň{{#if user.name}} {{user.name}}{{/if}},</p>\n" +
      "<p>niekto požiadal o obnovenie hesla k vášmu účtu {{app.name}}.</p>\n" +
      '<p><a href="{{password_reset.link}}">Nastaviť nové heslo</a></p>\n' +
      "<p>Odkaz funguje raz, do {{password_reset.expires_at}}. Ak ste oň nežiadali, tento e-mail ignorujte: " +
      "vaše heslo zostáva nezmenené.</p>",
    bodyText:
      "Dobrý deň{{#if user.name}} {{user.name}}{{/if}},\n\n" +
      "niekto požiadal o obnovenie hesla k vášmu účtu {{app.name}}.\n\n" +
      "Nastaviť nové heslo: {{password_reset.link}}\n\n" +
      "Odkaz funguje raz, do {{password_reset.expires_at}}. Ak ste oň nežiadali, tento e-mail ignorujte: " +
      "vaše heslo zostáva nezmenené.",
  },
  email_change_confirm: {
    subject: "Potvrďte svoju novú e-mailovú adresu pre {{app.name}}",
    bodyHtml:
      "<p>Dobrý deň{{#if user.name}} {{user.name}}{{/if}},</p>\n" +
      "<p>ak chcete pre svoj účet {{app.name}} používať adresu {{email_change.new_email}}, potvrďte ju:</p>\n" +
      '<p><a href="{{email_change.link}}">Potvrdiť novú adresu</a></p>\n' +
      "<p>Odkaz funguje raz, do {{email_change.expires_at}}. Ak ste o to nežiadali, tento e-mail ignorujte.</p>",
    bodyText:
      "Dobrý deň{{#if user.name}} {{user.name}}{{/if}},\n\n" +
      "ak chcete pre svoj účet {{app.name}} používať adresu {{email_change.new_email}}, potvrďte ju:\n\n" +
      "{{email_change.link}}\n\n" +
      "Odkaz funguje raz, do {{email_change.expires_at}}. Ak ste o to nežiadali, tento e-mail ignorujte.",
  },
  email_changed_notice: {
    subject: "E-mailová adresa vášho účtu {{app.name}} bola zmenená",
    bodyHtml:
      "<p>Dobrý deň{{#if user.name}} {{user.name}}{{/if}},</p>\n" +
      "<p>e-mailová adresa vášho účtu {{app.name}} bola zmenená z {{email_change.old_email}} na " +
      "{{email_change.new_email}}. Odteraz budeme písať na novú adresu.</p>\n" +
      "<p>Ak ste túto zmenu neurobili vy, okamžite nám na tento e-mail odpovedzte.</p>",
    bodyText:
      "Dobrý deň{{#if user.name}} {{user.name}}{{/if}},\n\n" +
      "e-mailová adresa vášho účtu {{app.name}} bola zmenená z {{email_change.old_email}} na " +
      "{{email_change.new_email}}. Odteraz budeme písať na novú adresu.\n\n" +
      "Ak ste túto zmenu neurobili vy, okamžite nám na tento e-mail odpovedzte.",
  },
  payment_confirmation: {
    subject: "Potvrďte, prosím, platbu {{payment.amount}}",
    bodyHtml:
      "<p>Dobrý deň{{#if user.name}} {{user.name}}{{/if}},</p>\n" +
      "<p>vaša banka žiada potvrdenie platby {{payment.amount}} za {{payment.description}}.</p>\n" +
      '<p><a href="{{payment.link}}">Potvrdiť platbu</a></p>\n' +
      "<p>Kým ju nepotvrdíte, platba čaká.</p>",
    bodyText:
      "Dobrý deň{{#if user.name}} {{user.name}}{{/if}},\n\n" +
      "vaša banka žiada potvrdenie platby {{payment.amount}} za {{payment.description}}.\n\n" +
      "Potvrdiť platbu: {{payment.link}}\n\n" +
      "Kým ju nepotvrdíte, platba čaká.",
  },
  family_invitation: {
    subject: "{{family.sender_name}} s vami zdieľa {{family.type_name}}",
    bodyHtml:
      "<p>Dobrý deň,</p>\n<p>{{family.sender_name}} s vami zdieľa svoje rodinné predplatné {{app.name}}: " +
      "<strong>{{family.type_name}}</strong> ({{family.content}}).</p>\n" +
      '<p><a href="{{family.link}}">Aktivovať predplatné</a></p>\n' +
      "<p>Odkaz funguje raz. Ak osobu {{family.sender_name}} nepoznáte, tento e-mail ignorujte.</p>",
    bodyText:
      "Dobrý deň,\n\n{{family.sender_name}} s vami zdieľa svoje rodinné predplatné {{app.name}}: " +
      "{{family.type_name}} ({{family.content}}).\n\nAktivovať predplatné: {{family.link}}\n\n" +
      "Odkaz funguje raz. Ak osobu {{family.sender_name}} nepoznáte, tento e-mail ignorujte.",
  },
  referral_invitation: {
    subject: "{{referral.sender_name}} vás pozýva do {{app.name}}",
    bodyHtml:
      "<p>Dobrý deň{{#if referral.friend_name}} {{referral.friend_name}}{{/if}},</p>\n" +
      "<p>{{referral.sender_name}} používa {{app.name}} a pozýva vás, aby ste sa pridali.</p>\n" +
      "{{#if referral.friend_reward}}<p>Zaregistrujte sa cez odkaz nižšie a získate {{referral.friend_reward}}.</p>\n{{/if}}" +
      '<p><a href="{{referral.link}}">Vytvoriť účet</a></p>\n' +
      "<p>Ak osobu {{referral.sender_name}} nepoznáte, tento e-mail ignorujte.</p>",
    bodyText:
      "Dobrý deň{{#if referral.friend_name}} {{referral.friend_name}}{{/if}},\n\n" +
      "{{referral.sender_name}} používa {{app.name}} a pozýva vás, aby ste sa pridali.\n\n" +
      "{{#if referral.friend_reward}}Zaregistrujte sa cez odkaz nižšie a získate {{referral.friend_reward}}.\n\n{{/if}}" +
      "Vytvoriť účet: {{referral.link}}\n\n" +
      "Ak osobu {{referral.sender_name}} nepoznáte, tento e-mail ignorujte.",
  },
};
