import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createApiTokenInAdmin, signIn, signInAsAdmin, uniqueSuffix } from "./fixtures";

/*
 * The customer side of family subscriptions, end to end: a parent buys the demo's family_web_yearly (three codes, each
 * a web yearly subscription with the parent's dates), copies a code's link from /account/family, a friend opens it in
 * a browser of their own, registers from the page, comes back, activates and sees web access in /account; the parent
 * then sees that code accepted, with the friend's email.
 *
 * The codes are generated in the background (the subscription.created function, run by the local executor), so the
 * parent's page is reloaded until they appear.
 */

const PASSWORD = "family-pass-1234";
const MASTER_TYPE = "family_web_yearly";
const CHILD_TYPE = "web_yearly";

type Api = {
  get: (path: string) => Promise<unknown>;
  post: (path: string, data: unknown) => Promise<unknown>;
};

async function apiClient(page: Page, request: APIRequestContext, suffix: string): Promise<Api> {
  await signInAsAdmin(page);
  const token = await createApiTokenInAdmin(page, `e2e-family-${suffix}`, ["users:write", "payments:write", "family"]);
  const headers = { authorization: `Bearer ${token}` };
  return {
    get: async (path) => {
      const response = await request.get(`/api/v1${path}`, { headers });
      expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
      return response.json();
    },
    post: async (path, data) => {
      const response = await request.post(`/api/v1${path}`, { headers, data });
      expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
      return response.json();
    },
  };
}

/** The demo seed creates the family type; on a database without it, create it (the same settings). */
async function ensureFamilyType(api: Api): Promise<void> {
  const { types } = (await api.get("/family/types")) as { types: { master_subscription_type_code: string }[] };
  if (types.some((type) => type.master_subscription_type_code === MASTER_TYPE)) return;
  await api.post("/family/types", {
    master_subscription_type_code: MASTER_TYPE,
    slave_subscription_type_code: CHILD_TYPE,
    donation_method: "copy",
    count: 3,
  });
}

test("a parent shares a family code; a friend registers from the link, activates it and gets web access", async ({
  page,
  request,
  browser,
}) => {
  const suffix = uniqueSuffix();
  const api = await apiClient(page, request, suffix);
  await ensureFamilyType(api);

  // The parent: created and paid through the API, then signed in in a browser context of their own.
  const parentEmail = `parent-${suffix}@example.com`;
  const { user: parent } = (await api.post("/users", { email: parentEmail, password: PASSWORD, name: `Parent ${suffix}` })) as {
    user: { id: number };
  };
  await api.post("/payments", { user_id: parent.id, status: "paid", items: [{ subscription_type_code: MASTER_TYPE }] });
  const parentContext = await browser.newContext();
  const parentPage = await parentContext.newPage();
  await signIn(parentPage, parentEmail, PASSWORD);

  // The codes appear once the background generation has run.
  const codes = parentPage.locator('[data-testid^="family-code-"][data-status]');
  await expect(async () => {
    await parentPage.goto("/account/family");
    expect(await codes.count()).toBe(3);
  }).toPass({ timeout: 30_000, intervals: [1_000, 2_000] });
  await expect(codes.first().getByTestId("family-code-status")).toHaveText("Available");
  const rowTestId = (await codes.first().getAttribute("data-testid")) ?? "";
  const code = rowTestId.replace("family-code-", "");
  expect(code).toMatch(/^[0-9a-z]{32}$/);
  const row = parentPage.getByTestId(`family-code-${code}`);

  // Copy the link (the button works; the test reads the link from its field rather than the clipboard).
  await row.getByTestId(`family-copy-${code}`).click();
  const link = await row.getByTestId(`family-link-${code}`).inputValue();
  expect(link).toMatch(new RegExp(`/family/activate/${code}$`));
  const linkPath = new URL(link).pathname;

  // The account links to the family page.
  await parentPage.goto("/account");
  await expect(parentPage.getByTestId("family-link")).toHaveAttribute("href", "/account/family");

  // A friend opens the link signed out: what it gives and whose it is.
  const friendContext = await browser.newContext();
  const friend = await friendContext.newPage();
  await friend.goto(linkPath);
  await expect(friend.getByTestId("family-activate-type")).toHaveText("Web yearly");
  await expect(friend.getByTestId("family-activate-master")).toHaveText(`Parent ${suffix}`);
  await expect(friend.getByTestId("family-activate-access")).toContainText("web");
  await expect(friend.getByTestId("family-signin")).toBeVisible();

  // Register from the page and come back to it.
  const friendEmail = `friend-${suffix}@example.com`;
  await friend.getByTestId("family-register").click();
  await friend.waitForURL((url) => url.pathname === "/register");
  await friend.getByTestId("register-name").fill(`Friend ${suffix}`);
  await friend.getByTestId("register-email").fill(friendEmail);
  await friend.getByTestId("register-password").fill(PASSWORD);
  await friend.getByTestId("register-submit").click();
  await friend.waitForURL((url) => url.pathname === linkPath);

  // Activate: the result, then the account shows the web yearly subscription with web access.
  await friend.getByTestId("family-activate").click();
  const result = friend.getByTestId("family-activate-result");
  await expect(result).toBeVisible();
  await expect(result.getByTestId("content-access")).toContainText("web");
  await expect(friend.getByTestId("family-activate-error")).toHaveCount(0);
  await friend.getByTestId("family-activate-account").click();
  await friend.waitForURL((url) => url.pathname === "/account");
  const subscription = friend
    .getByTestId("my-subscription")
    .filter({ has: friend.getByTestId("my-subscription-name").getByText("Web yearly", { exact: true }) });
  await expect(subscription).toHaveCount(1);
  await expect(subscription.getByTestId("content-access")).toContainText("web");
  await expect(subscription.getByTestId("subscription-state")).toHaveText("Actual");

  // The link now says it has been used.
  await friend.goto(linkPath);
  await expect(friend.getByTestId("family-activate-result")).toContainText("yours since");
  await expect(friend.getByTestId("family-activate")).toHaveCount(0);

  // The parent sees the code accepted, by the friend, with a Release button.
  await parentPage.goto("/account/family");
  await expect(row.getByTestId("family-code-status")).toHaveText("Accepted");
  await expect(row.getByTestId("family-code-slave")).toContainText(friendEmail);
  await expect(row.locator('[data-testid^="family-release-"]')).toBeVisible();

  await friendContext.close();
  await parentContext.close();
});

test("an admin activates a family code for a user and releases it: a replacement code takes its place", async ({ page, request }) => {
  const suffix = uniqueSuffix();
  const api = await apiClient(page, request, suffix);
  await ensureFamilyType(api);
  const { user: parent } = (await api.post("/users", { email: `admin-parent-${suffix}@example.com`, password: PASSWORD })) as {
    user: { id: number };
  };
  const friendEmail = `admin-friend-${suffix}@example.com`;
  await api.post("/users", { email: friendEmail, password: PASSWORD });
  await api.post("/payments", { user_id: parent.id, status: "paid", items: [{ subscription_type_code: MASTER_TYPE }] });

  // The admin's view of the master (signed in as admin by apiClient); the codes appear once generated.
  const rows = page.locator('[data-testid^="family-request-row-"]');
  await expect(async () => {
    await page.goto(`/admin/family/masters/${parent.id}`);
    expect(await rows.count()).toBe(3);
  }).toPass({ timeout: 30_000, intervals: [1_000, 2_000] });
  const code = ((await rows.first().getAttribute("data-testid")) ?? "").replace("family-request-row-", "");

  await page.getByTestId("family-admin-activate-code").fill(code);
  await page.getByTestId("family-admin-activate-email").fill(friendEmail);
  await page.getByTestId("family-admin-activate-submit").click();
  const row = page.getByTestId(`family-request-row-${code}`);
  await expect(row).toContainText("accepted");
  await expect(row).toContainText(friendEmail);

  page.once("dialog", (dialog) => void dialog.accept());
  await row.locator('[data-testid^="family-release-"]').click();
  await expect(row).toContainText("canceled");
  // Three codes that can still be used: the two untouched and the replacement.
  await expect(page.locator('[data-testid^="family-request-row-"]', { hasText: "created" })).toHaveCount(3);
});
