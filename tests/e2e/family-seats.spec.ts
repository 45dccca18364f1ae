import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createApiTokenInAdmin, signIn, signInAsAdmin, uniqueSuffix } from "./fixtures";

/*
 * A member leaves a family from /account/family: their page says whose family it is, "Leave" ends their membership,
 * and the parent's page then shows that code canceled because the member left and a fresh code in its place.
 * The test makes its own parent, friend and family purchase through the API.
 */

const PASSWORD = "family-seats-pass-1234";
const MASTER_TYPE = "family_web_yearly";
const CHILD_TYPE = "web_yearly";

async function apiClient(page: Page, request: APIRequestContext, suffix: string) {
  await signInAsAdmin(page);
  const token = await createApiTokenInAdmin(page, `e2e-family-seats-${suffix}`, ["users:write", "payments:write", "family"]);
  const headers = { authorization: `Bearer ${token}` };
  return {
    get: async (path: string): Promise<unknown> => {
      const response = await request.get(`/api/v1${path}`, { headers });
      expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
      return response.json();
    },
    post: async (path: string, data: unknown): Promise<unknown> => {
      const response = await request.post(`/api/v1${path}`, { headers, data });
      expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
      return response.json();
    },
  };
}

test("a member leaves a family and the parent sees a fresh code in its place", async ({ page, request, browser }) => {
  const suffix = uniqueSuffix();
  const api = await apiClient(page, request, suffix);
  // The demo seed creates the family type; on a database without it, create it (the same settings).
  const { types } = (await api.get("/family/types")) as { types: { master_subscription_type_code: string }[] };
  if (!types.some((type) => type.master_subscription_type_code === MASTER_TYPE)) {
    await api.post("/family/types", { master_subscription_type_code: MASTER_TYPE, slave_subscription_type_code: CHILD_TYPE, donation_method: "copy", count: 3 });
  }
  const parentEmail = `seats-parent-${suffix}@example.com`;
  const friendEmail = `seats-friend-${suffix}@example.com`;
  const { user: parent } = (await api.post("/users", { email: parentEmail, password: PASSWORD, name: `Parent ${suffix}` })) as { user: { id: number } };
  await api.post("/users", { email: friendEmail, password: PASSWORD, name: `Friend ${suffix}` });
  await api.post("/payments", { user_id: parent.id, status: "paid", items: [{ subscription_type_code: MASTER_TYPE }] });

  // The parent's codes appear once the background generation has run.
  const parentContext = await browser.newContext();
  const parentPage = await parentContext.newPage();
  await signIn(parentPage, parentEmail, PASSWORD);
  const codes = parentPage.locator('[data-testid^="family-code-"][data-status]');
  await expect(async () => {
    await parentPage.goto("/account/family");
    expect(await codes.count()).toBe(3);
  }).toPass({ timeout: 30_000, intervals: [1_000, 2_000] });
  const code = ((await codes.first().getAttribute("data-testid")) ?? "").replace("family-code-", "");
  expect(code).toMatch(/^[0-9a-z]{32}$/);

  // The friend activates it, then their family page says whose family it is.
  const friendContext = await browser.newContext();
  const friend = await friendContext.newPage();
  await signIn(friend, friendEmail, PASSWORD);
  await friend.goto(`/family/activate/${code}`);
  await friend.getByTestId("family-activate").click();
  await expect(friend.getByTestId("family-activate-result")).toBeVisible();
  await friend.goto("/account/family");
  const membership = friend.getByTestId(`family-membership-${code}`);
  await expect(membership.getByTestId("family-membership-summary")).toContainText(`Parent ${suffix}`);
  await expect(membership.getByTestId("family-membership-summary")).toContainText("Web yearly");

  // Leave (confirmed): the membership is gone.
  friend.once("dialog", (dialog) => void dialog.accept());
  await membership.getByTestId("family-leave").click();
  await expect(friend.getByTestId(`family-membership-${code}`)).toHaveCount(0);

  // The parent: the code is canceled because the member left, and a fresh code replaces it.
  await parentPage.goto("/account/family");
  const left = parentPage.getByTestId(`family-code-${code}`);
  await expect(left).toHaveAttribute("data-status", "canceled");
  await expect(left.getByTestId("family-code-canceled")).toContainText("the member left");
  const available = parentPage.locator('[data-testid^="family-code-"][data-status="created"]');
  await expect(available).toHaveCount(3);
  expect(await available.evaluateAll((rows) => rows.map((row) => row.getAttribute("data-testid")))).not.toContain(`family-code-${code}`);
  await expect(available.first().locator('[data-testid^="family-revoke-"]')).toBeVisible();

  await friendContext.close();
  await parentContext.close();
});
