import { ApiTokensPage } from "./pages/admin/api-tokens-page";
import { EmailTemplatesPage } from "./pages/admin/email-templates-page";
import { MailboxPage } from "./pages/admin/mailbox-page";
import { EmailPreferencesForm, UnsubscribePage } from "./pages/email-link-pages";
import { LoginPage } from "./pages/login-page";
import { createCustomer, expect, signedInAs, test, uniqueSuffix } from "./fixtures";

/*
 * Issue 20, consent end to end: an admin writes a template of the marketing topic "News and offers"; a custom event
 * sends it to a customer. The customer opens the email's unsubscribe link signed out, confirms, undoes it; then the
 * mailbox's RFC 8058 one-click POST (no cookie) unsubscribes again; the admin sees it counted on the template, and
 * the customer sees the topic off on their profile in /account.
 */

test("a customer unsubscribes from an email's link and sees it on their account", async ({
  page,
  browser,
  request,
  adminApi,
}) => {
  const suffix = uniqueSuffix();
  const code = `offer_${suffix}`;
  const customer = await createCustomer(adminApi, "unsub", { suffix });

  await new LoginPage(page).signInAsAdmin();
  const templates = new EmailTemplatesPage(page);
  await templates.gotoNew();
  await templates.fill({
    name: `Offer ${suffix}`,
    code,
    subject: `An offer for {{user.name}} (${suffix})`,
    html: "<p>Hello {{user.name}}, this month's offer.</p>",
    text: "Hello {{user.name}}, this month's offer.",
  });
  await page.getByTestId("et-topic").selectOption("news");
  await templates.save();
  await expect(page.getByTestId(`email-template-topic-${code}`)).toHaveText("News and offers");

  const token = await new ApiTokensPage(page).createToken(`e2e-unsub-${suffix}`, ["events:write"]);
  const sent = await request.post("/api/v1/events", {
    headers: { authorization: `Bearer ${token}` },
    data: { name: "custom.test_email", user_id: customer.id, payload: { template_code: code } },
  });
  expect(sent.status()).toBe(202);

  // The link of the footer added to a marketing template, as the email's text part has it.
  const mailbox = new MailboxPage(page);
  // The offer itself: the customer's onboarding welcome (a demo scenario, same topic) may be newer.
  await mailbox.waitFor(suffix, `An offer for ${customer.name}`, { timeout: 30_000 });
  await mailbox.openNewest(`An offer for ${customer.name}`);
  const text = (await mailbox.emailText.textContent()) ?? "";
  const match = /https?:\/\/[^\s]+(\/email\/unsubscribe\/[A-Za-z0-9_-]+)/.exec(text);
  expect(match, text).not.toBeNull();
  const unsubscribePath = match![1]!;

  // Signed out: opening the link changes nothing until the button is pressed.
  const anonymous = await browser.newContext();
  const reader = await anonymous.newPage();
  await reader.goto(unsubscribePath);
  const unsubscribe = new UnsubscribePage(reader);
  await expect(reader.getByRole("heading")).toHaveText("Unsubscribe from News and offers?");
  await unsubscribe.confirmButton.click();
  await expect(unsubscribe.done).toContainText("You have been unsubscribed from News and offers");
  await reader.screenshot({ path: test.info().outputPath("unsubscribed.png") });
  await unsubscribe.resubscribeButton.click();
  await expect(unsubscribe.resubscribed).toHaveText("You are subscribed to News and offers again.");
  await anonymous.close();

  // RFC 8058: the mailbox provider's POST to the same URL, with no cookie or CSRF token.
  const oneClick = await request.post(unsubscribePath, {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: "List-Unsubscribe=One-Click",
  });
  expect(oneClick.status(), await oneClick.text()).toBe(200);

  // The admin sees the unsubscribe on the template's figures: counted once, on the email it came through.
  await page.goto("/admin/email-templates");
  await page.getByTestId(`email-template-${code}`).getByRole("link").click();
  const recent = page.getByTestId("template-email-stats-30d");
  await expect(recent.getByTestId("email-stat-sent").locator("dd").first()).toHaveText("1");
  await expect(recent.getByTestId("email-stat-unsubscribed").locator("dd")).toHaveText("1");

  const { context, page: own } = await signedInAs(browser, customer);
  await own.goto("/account");
  const preferences = new EmailPreferencesForm(own);
  await expect(preferences.topic("news")).not.toBeChecked();
  await expect(preferences.topic("account")).toBeChecked();
  await expect(preferences.topic("account")).toBeDisabled();
  // And back on from the account: saved for the next email.
  await preferences.topic("news").check();
  await preferences.save();
  await expect(own.getByTestId("form-success")).toHaveText("Your email preferences are saved.");
  await own.reload();
  await expect(preferences.topic("news")).toBeChecked();
  await context.close();
});
