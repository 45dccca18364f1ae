import { expect, test } from "@playwright/test";
import { signIn, signInAsAdmin } from "./fixtures";

/*
 * Jane (demo seed: Web monthly renewed by card, the next renewal active) switches to yearly at period end; the admin
 * moves the dev clock past her charge date and the renewal cron charges the yearly price.
 *
 * This file runs in the `clock` project, after every other browser test (playwright.config.ts): moving the server's
 * clock forward would change what the others see.
 */

test("Jane switches to yearly at period end and the next renewal charges the yearly price", async ({ page, browser }) => {
  await signIn(page, "jane@subflow.test", "jane1234", "/account/billing");
  await page.getByTestId("plan-choice-web_yearly").check();
  await page.getByTestId("plan-change-submit").click();
  await expect(page.getByTestId("plan-change-scheduled")).toContainText("Web yearly");

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAsAdmin(admin);
  // Forty days: past Jane's next charge date (within a month of now in the seed).
  const moved = await admin.request.post("/api/dev/clock", { data: { advance_minutes: 40 * 24 * 60 } });
  expect(moved.status(), await moved.text()).toBe(200);
  await adminContext.close();

  const newest = page.getByTestId("payment-history-row").first();
  await expect
    .poll(
      async () => {
        await page.goto("/account/billing");
        return (await newest.textContent()) ?? "";
      },
      { timeout: 60_000, intervals: [1_000, 2_000, 3_000] },
    )
    .toContain("Web yearly");
  await expect(newest).toContainText("€49.90");
  await expect(newest).toContainText("Paid");
  await expect(page.getByTestId("billing-next-plan")).toContainText("Web yearly · €49.90 every year");
  await expect(page.getByTestId("plan-change-scheduled")).toHaveCount(0);
});
