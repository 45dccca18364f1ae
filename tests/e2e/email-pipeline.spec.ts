import { ApiTokensPage } from "./pages/admin/api-tokens-page";
import { EmailTemplatesPage } from "./pages/admin/email-templates-page";
import { MailboxPage } from "./pages/admin/mailbox-page";
import { RunsPage } from "./pages/admin/runs-page";
import { LoginPage } from "./pages/login-page";
import { expect, test, uniqueSuffix } from "./fixtures";

/*
 * Issue 3 end to end: an admin writes and previews a template; a custom event sent through the API reaches the
 * local executor through the outbox, a function sends the template, and the message shows in the admin mailbox;
 * the runs page shows the run.
 */

test("a custom event sends a previewed template to the mailbox, and the run is on the runs page", async ({
  page,
  request,
}) => {
  const suffix = uniqueSuffix();
  const code = `welcome_${suffix}`;
  await new LoginPage(page).signInAsAdmin();

  const templates = new EmailTemplatesPage(page);
  await templates.gotoNew();
  await templates.fill({
    name: `Welcome ${suffix}`,
    code,
    subject: `Welcome aboard, {{user.name}} (${suffix})`,
    html: "<h1>Hello {{user.name}}</h1><p>Your email is {{user.email}}.</p>",
    text: "Hello {{user.name}}",
  });
  await expect(templates.previewSubject).toContainText("Welcome aboard,");
  await templates.save();
  await expect(templates.template(code)).toBeVisible();

  const token = await new ApiTokensPage(page).createToken(`e2e-email-${suffix}`, [
    "users:write",
    "events:write",
  ]);
  const headers = { authorization: `Bearer ${token}` };

  const created = await request.post("/api/v1/users", {
    headers,
    data: { email: `reader-${suffix}@example.com`, name: `Reader ${suffix}` },
  });
  expect(created.status()).toBe(201);
  const { user } = (await created.json()) as { user: { id: number } };
  const sent = await request.post("/api/v1/events", {
    headers,
    data: { name: "custom.test_email", user_id: user.id, payload: { template_code: code } },
  });
  expect(sent.status()).toBe(202);

  // The outbox delivers after the response; the executor runs the function; the mailbox shows the message.
  const mailbox = new MailboxPage(page);
  await mailbox.waitFor(suffix, `Welcome aboard, Reader ${suffix}`, { timeout: 30_000 });
  await mailbox.openNewest();
  await expect(page.locator("body")).toContainText(`reader-${suffix}@example.com`);

  const runs = new RunsPage(page);
  await runs.gotoFunction("subflow-send-template-email");
  await expect(runs.table).toContainText("custom.test_email");
  await runs.openNewest();
  await expect(runs.status).toHaveText("completed");
  await expect(runs.steps).toContainText("sent_now");
  await page.screenshot({ path: test.info().outputPath("run.png"), fullPage: true });
});
