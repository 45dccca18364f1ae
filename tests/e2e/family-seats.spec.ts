import { FamilyActivationPage } from "./pages/family-activation-page";
import { FamilyPage } from "./pages/family-page";
import { FAMILY_MASTER_TYPE, ensureFamilyType } from "./support/family-types";
import { createCustomer, expect, signedInAs, test, uniqueSuffix } from "./fixtures";

/*
 * A member leaves a family from /account/family: their page says whose family it is, "Leave" ends their membership,
 * and the parent's page then shows that code canceled because the member left and a fresh code in its place.
 * The test makes its own parent, friend and family purchase through the API.
 */

test("a member leaves a family and the parent sees a fresh code in its place", async ({
  adminApi,
  browser,
}) => {
  const suffix = uniqueSuffix();
  await ensureFamilyType(adminApi);
  const parent = await createCustomer(adminApi, "seats-parent", {
    suffix,
    name: `Parent ${suffix}`,
    buys: { items: [{ subscription_type_code: FAMILY_MASTER_TYPE }] },
  });
  const friend = await createCustomer(adminApi, "seats-friend", {
    suffix,
    name: `Friend ${suffix}`,
  });

  // The parent's codes appear once the background generation has run.
  const parentSession = await signedInAs(browser, parent);
  const parentFamily = new FamilyPage(parentSession.page);
  await expect(async () => {
    await parentFamily.goto();
    expect(await parentFamily.codes.count()).toBe(3);
  }).toPass({ timeout: 30_000, intervals: [1_000, 2_000] });
  const code = await parentFamily.codeOf(parentFamily.codes.first());
  expect(code).toMatch(/^[0-9a-z]{32}$/);

  // The friend activates it, then their family page says whose family it is.
  const friendSession = await signedInAs(browser, friend);
  const activation = new FamilyActivationPage(friendSession.page);
  await activation.goto(code);
  await activation.activate();
  await expect(activation.result).toBeVisible();
  const friendFamily = new FamilyPage(friendSession.page);
  await friendFamily.goto();
  const summary = friendFamily.membership(code).getByTestId("family-membership-summary");
  await expect(summary).toContainText(`Parent ${suffix}`);
  await expect(summary).toContainText("Web yearly");

  // Leave (confirmed): the membership is gone.
  await friendFamily.leave(code);
  await expect(friendFamily.membership(code)).toHaveCount(0);

  // The parent: the code is canceled because the member left, and a fresh code replaces it.
  await parentFamily.goto();
  const left = parentFamily.code(code);
  await expect(left).toHaveAttribute("data-status", "canceled");
  await expect(left.getByTestId("family-code-canceled")).toContainText("the member left");
  await expect(parentFamily.availableCodes).toHaveCount(3);
  expect(
    await parentFamily.availableCodes.evaluateAll((rows) =>
      rows.map((row) => row.getAttribute("data-testid")),
    ),
  ).not.toContain(`family-code-${code}`);
  await expect(
    parentFamily.availableCodes.first().locator('[data-testid^="family-revoke-"]'),
  ).toBeVisible();

  await friendSession.context.close();
  await parentSession.context.close();
});
