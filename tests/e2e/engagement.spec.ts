import { expect, test } from "@playwright/test";
import { createCustomerInAdmin, signIn, signInAsAdmin, uniqueSuffix } from "./fixtures";

/*
 * Issue 4 end to end: segments with a live count, goals, banners; a scenario imported as graph JSON, refused while a
 * node names a missing template, published, enabled, simulated for a customer and run for them by a test event —
 * the customer then sees the scenario's banner in their account and dismisses it.
 */

test("a segment's live count follows its rules as they are edited, and a goal can be created", async ({ page }) => {
  const suffix = uniqueSuffix();
  const domain = `seg${suffix}.test`;
  await signInAsAdmin(page);
  await createCustomerInAdmin(page, `reader-${suffix}@${domain}`, "reader-pass-1234");

  await page.goto("/admin/segments/new");
  await page.getByTestId("segment-name").fill(`Domain ${suffix}`);
  await page.getByTestId("segment-code").fill(`domain_${suffix}`);
  if ((await page.getByTestId("segment-rule-0").count()) === 0) await page.getByTestId("segment-add-rule").click();
  await page.getByTestId("segment-rule-0-field").selectOption("email_domain");
  await page.getByTestId("segment-rule-0-value").fill(`nobody-${domain}`);
  await expect(page.getByTestId("segment-live-count-value")).toHaveText("0");
  await page.getByTestId("segment-rule-0-value").fill(domain);
  await expect(page.getByTestId("segment-live-count-value")).toHaveText("1");
  await page.getByTestId("segment-save").click();
  await expect(page.getByTestId(`segment-domain_${suffix}-count`)).toHaveText("1");

  await page.goto("/admin/goals/new");
  await page.getByTestId("goal-code").fill(`goal_${suffix}`);
  await page.getByTestId("goal-name").fill(`Goal ${suffix}`);
  await page.getByTestId("goal-submit").click();
  await expect(page.getByTestId(`goal-goal_${suffix}`)).toBeVisible();
});

test("an imported scenario is validated, published, simulated and shows its banner to the customer", async ({ page, browser }) => {
  const suffix = uniqueSuffix();
  const domain = `cust${suffix}.test`;
  const email = `reader-${suffix}@${domain}`;
  const password = "reader-pass-1234";
  await signInAsAdmin(page);
  await createCustomerInAdmin(page, email, password);

  await page.goto("/admin/banners/new");
  await page.getByTestId("banner-title").fill(`Hello ${suffix}`);
  await page.getByTestId("banner-text").fill("A banner from a scenario.");
  await expect(page.getByTestId("banner-preview")).toContainText(`Hello ${suffix}`);
  await page.getByTestId("banner-submit").click();
  const bannerLink = page.getByRole("link", { name: `Hello ${suffix}` });
  const bannerId = Number((await bannerLink.getAttribute("href"))?.split("/").pop());
  expect(bannerId).toBeGreaterThan(0);

  await page.goto("/admin/scenarios/new");
  await page.getByTestId("scenario-name").fill(`Welcome banner ${suffix}`);
  await page.getByTestId("scenario-settings-submit").click();
  await page.waitForURL(/\/admin\/scenarios\/\d+$/);

  const graph = (action: object) => ({
    nodes: [
      { id: "start", type: "event", config: { event: "scenario.test" }, position: { x: 0, y: 0 } },
      {
        id: "ours",
        type: "condition",
        config: { criteria: [{ kind: "user", key: "email_domain", operator: "is", value: domain }] },
        position: { x: 0, y: 120 },
        openPorts: ["no"],
      },
      { id: "show", position: { x: 0, y: 240 }, openPorts: ["out"], ...action },
    ],
    edges: [
      { id: "e1", from: "start", fromPort: "out", to: "ours" },
      { id: "e2", from: "ours", fromPort: "yes", to: "show" },
    ],
  });
  // The graph is imported as JSON in the builder's settings; a missing template is an issue on its node.
  const canvas = page.getByTestId("builder-canvas");
  await expect(canvas).toHaveAttribute("data-ready", "true");
  const importGraph = async (action: object) => {
    await page.getByTestId("panel-tab-settings").click();
    await page.getByTestId("graph-json").fill(JSON.stringify(graph(action)));
    await page.getByTestId("graph-json-apply").click();
    await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
  };
  await importGraph({ type: "email", config: { template: `missing_${suffix}` } });
  await page.getByTestId("panel-tab-issues").click();
  await expect(page.getByTestId("issues-list")).toContainText(`missing_${suffix}`);
  await page.getByTestId("builder-publish").click();
  await page.getByTestId("publish-submit").click();
  await expect(page.getByTestId("publish-refusal")).toContainText("Fix 1 issue");
  await page.keyboard.press("Escape");
  await expect(canvas.locator('.react-flow__node[data-id="show"] [data-invalid="true"]')).toBeVisible();

  await importGraph({ type: "banner", config: { bannerId, expiresAfterMinutes: 60 } });
  await page.getByTestId("panel-tab-issues").click();
  await expect(page.getByTestId("issues-none")).toBeVisible();
  await page.getByTestId("builder-publish").click();
  await page.getByTestId("publish-note").fill("First version");
  await page.getByTestId("publish-submit").click();
  await expect(page.getByTestId("scenario-version-info")).toContainText("version 1 live");
  await page.getByTestId("panel-tab-versions").click();
  await expect(page.getByTestId("version-1")).toContainText("First version");
  await page.getByTestId("scenario-enable").click();
  await expect(page.getByTestId("scenario-disable")).toBeVisible();

  // The inspector predicts the path, then sends the test event that starts a real run.
  await page.getByTestId("panel-tab-inspect").click();
  await page.getByTestId("inspector-email").fill(email);
  await page.getByTestId("inspector-simulate").click();
  await expect(page.getByTestId("inspector-step-ours")).toContainText("yes");
  await expect(page.getByTestId("inspector-step-show")).toContainText(`${bannerId}`);
  await page.getByTestId("inspector-test-event").click();
  await expect(page.getByTestId("inspector-test-event-result")).toContainText("scenario.test");

  const customer = await browser.newContext();
  const customerPage = await customer.newPage();
  await signIn(customerPage, email, password);
  await expect(async () => {
    await customerPage.goto("/account");
    await expect(customerPage.getByTestId("banner-slot")).toContainText(`Hello ${suffix}`, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await customerPage.getByTestId("banner-slot").getByRole("button", { name: /dismiss/i }).click();
  await expect(customerPage.getByText(`Hello ${suffix}`)).toHaveCount(0);
  await customer.close();

  // The canvas counts the visit: the banner node was passed once in the last 24 hours.
  await page.reload();
  const bannerNode = canvas.locator('.react-flow__node[data-id="show"]');
  await expect(bannerNode).toContainText(`Banner #${bannerId}`);
  await expect(bannerNode).toContainText("out 1");

  // The run's own page still draws its path: the condition it passed with its reason, and the banner it showed.
  await page.getByTestId("panel-tab-inspect").click();
  await page.getByTestId("inspector-email").fill(email);
  await page.getByTestId("inspector-search").click();
  await page.locator('[data-testid^="inspector-run-"]').first().click();
  await page.getByRole("link", { name: "Open run page" }).click();
  const runDiagram = page.getByTestId("scenario-diagram");
  await expect(runDiagram.getByTestId("flow-node-condition")).toHaveAttribute("data-visited", "true");
  await expect(runDiagram.getByTestId("flow-node-condition")).toContainText("→ yes");
  await expect(runDiagram.getByTestId("flow-node-banner")).toHaveAttribute("data-visited", "true");
});
