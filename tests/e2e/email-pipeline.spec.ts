import { expect, test } from "@playwright/test";
import { createApiTokenInAdmin, signInAsAdmin, uniqueSuffix } from "./fixtures";

/*
 * Issue 3 end to end: an admin writes and previews a template; a custom event sent through the API reaches the
 * local executor through the outbox, a function sends the template, and the message shows in the admin mailbox;
 * the runs page shows the run.
 */

test("a custom event sends a previewed template to the mailbox, and the run is on the runs page", async ({ page, request }) => {
  const suffix = uniqueSuffix();
  const code = `welcome_${suffix}`;
  await signInAsAdmin(page);

  await page.goto("/admin/email-templates/new");
  await page.getByTestId("et-name").fill(`Welcome ${suffix}`);
  await page.getByTestId("et-code").fill(code);
  await page.getByTestId("et-subject").fill(`Welcome aboard, {{user.name}} (${suffix})`);
  await page.getByTestId("et-html").fill("<h1>Hello {{user.name}}</h1><p>Your email is {{user.email}}.</p>");
  await page.getByTestId("et-text").fill("Hello {{user.name}}");
  await expect(page.getByTestId("preview-subject")).toContainText("Welcome aboard,");
  await page.getByTestId("et-submit").click();
  await expect(page.getByTestId(`email-template-${code}`)).toBeVisible();

  const token = await createApiTokenInAdmin(page, `e2e-email-${suffix}`, ["users:write", "events:write"]);
  const headers = { authorization: `Bearer ${token}` };

  const created = await request.post("/api/v1/users", { headers, data: { email: `reader-${suffix}@example.com`, name: `Reader ${suffix}` } });
  expect(created.status()).toBe(201);
  const { user } = (await created.json()) as { user: { id: number } };
  const sent = await request.post("/api/v1/events", {
    headers,
    data: { name: "custom.test_email", user_id: user.id, payload: { template_code: code } },
  });
  expect(sent.status()).toBe(202);

  // The outbox delivers after the response; the executor runs the function; the mailbox shows the message.
  await expect(async () => {
    await page.goto(`/admin/emails?q=${suffix}`);
    await expect(page.getByTestId("emails-table")).toContainText(`Welcome aboard, Reader ${suffix}`);
  }).toPass({ timeout: 30_000, intervals: [500, 1000, 2000] });
  await page.getByTestId("email-link").first().click();
  await expect(page.locator("body")).toContainText(`reader-${suffix}@example.com`);

  await page.goto("/admin/dev/runs?function=subflow-send-template-email");
  await expect(page.getByTestId("runs-table")).toContainText("custom.test_email");
  await page.getByTestId("run-row").first().getByRole("link").click();
  await expect(page.getByTestId("run-status")).toHaveText("completed");
  await expect(page.getByTestId("run-steps")).toContainText("sent_now");
  await page.screenshot({ path: test.info().outputPath("run.png"), fullPage: true });
});
