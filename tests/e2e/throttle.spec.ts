import { createCustomer, expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";

const THROTTLED = /^Too many sign-in attempts\. Wait (\d+) seconds? and try again\.$/;

/*
 * Sign-in through the form is throttled per account: after five wrong passwords every attempt waits 1 s, 2 s, 4 s …
 * The form says how long, the right password waits too, and works once the wait is over.
 */
test("the login form says how long to wait after repeated wrong passwords; the right password waits too", async ({
  page,
  adminApi,
}) => {
  const customer = await createCustomer(adminApi, "throttled");
  const login = new LoginPage(page);
  await login.goto("/account");
  for (let i = 0; i < 5; i++) {
    await login.submitCredentials(customer.email, "wrong-password");
    await expect(login.error).toHaveText("Wrong email or password.");
  }

  // Keep guessing until the wait is long enough for the next step to land inside it (the first waits are 1 s, 2 s).
  let wait = 0;
  for (let attempt = 0; attempt < 60 && wait < 3; attempt++) {
    await login.submitCredentials(customer.email, "wrong-password");
    await expect(login.error).toHaveText(/Wrong email or password\.|Too many sign-in attempts/);
    wait = Number(THROTTLED.exec((await login.error.textContent()) ?? "")?.[1] ?? 0);
  }
  expect(wait).toBeGreaterThanOrEqual(3);

  await login.submitCredentials(customer.email, customer.password);
  await expect(login.error).toHaveText(THROTTLED);
  await page.waitForTimeout(wait * 1000);
  await login.submitCredentials(customer.email, customer.password);
  await page.waitForURL((url) => url.pathname.startsWith("/account"));
});
