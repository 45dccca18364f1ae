import { AccountPage } from "./pages/account-page";
import { BannersPage } from "./pages/admin/banners-page";
import { GoalsPage } from "./pages/admin/goals-page";
import { ScenarioBuilderPage } from "./pages/admin/scenario-builder-page";
import { SegmentsPage } from "./pages/admin/segments-page";
import { AdminUsersPage } from "./pages/admin/users-page";
import { LoginPage } from "./pages/login-page";
import { expect, signedInAs, test, uniqueSuffix } from "./fixtures";

/*
 * Issue 4 end to end: segments with a live count, goals, banners; a scenario imported as graph JSON, refused while a
 * node names a missing template, published, enabled, simulated for a customer and run for them by a test event —
 * the customer then sees the scenario's banner in their account and dismisses it.
 */

test("a segment's live count follows its rules as they are edited, and a goal can be created", async ({
  page,
}) => {
  const suffix = uniqueSuffix();
  const domain = `seg${suffix}.test`;
  await new LoginPage(page).signInAsAdmin();
  await new AdminUsersPage(page).createCustomer(`reader-${suffix}@${domain}`, "reader-pass-1234");

  const segments = new SegmentsPage(page);
  await segments.gotoNew(`Domain ${suffix}`, `domain_${suffix}`);
  await segments.setFirstRule("email_domain", `nobody-${domain}`);
  await expect(segments.liveCount).toHaveText("0");
  await segments.setFirstRuleValue(domain);
  await expect(segments.liveCount).toHaveText("1");
  await segments.save();
  await expect(segments.countOf(`domain_${suffix}`)).toHaveText("1");

  const goals = new GoalsPage(page);
  await goals.create(`goal_${suffix}`, `Goal ${suffix}`);
  await expect(goals.goal(`goal_${suffix}`)).toBeVisible();
});

test("an imported scenario is validated, published, simulated and shows its banner to the customer", async ({
  page,
  browser,
}) => {
  const suffix = uniqueSuffix();
  const domain = `cust${suffix}.test`;
  const email = `reader-${suffix}@${domain}`;
  const password = "reader-pass-1234";
  await new LoginPage(page).signInAsAdmin();
  await new AdminUsersPage(page).createCustomer(email, password);

  const banners = new BannersPage(page);
  await banners.gotoNew();
  await banners.fill(`Hello ${suffix}`, "A banner from a scenario.");
  await expect(banners.preview).toContainText(`Hello ${suffix}`);
  const bannerId = await banners.save(`Hello ${suffix}`);

  const builder = new ScenarioBuilderPage(page);
  await builder.createScenario(`Welcome banner ${suffix}`);

  const graph = (action: object) => ({
    nodes: [
      { id: "start", type: "event", config: { event: "scenario.test" }, position: { x: 0, y: 0 } },
      {
        id: "ours",
        type: "condition",
        config: {
          criteria: [{ kind: "user", key: "email_domain", operator: "is", value: domain }],
        },
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
  await builder.importGraph(graph({ type: "email", config: { template: `missing_${suffix}` } }));
  await builder.openPanelTab("issues");
  await expect(builder.issues).toContainText(`missing_${suffix}`);
  await builder.publish();
  await expect(builder.publishRefusal).toContainText("Fix 1 issue");
  await page.keyboard.press("Escape");
  await expect(builder.node("show").locator('[data-invalid="true"]')).toBeVisible();

  await builder.importGraph(
    graph({ type: "banner", config: { bannerId, expiresAfterMinutes: 60 } }),
  );
  await builder.openPanelTab("issues");
  await expect(builder.noIssues).toBeVisible();
  await builder.publish("First version");
  await expect(builder.versionInfo).toContainText("version 1 live");
  await builder.openPanelTab("versions");
  await expect(builder.version(1)).toContainText("First version");
  await builder.enable();

  // The inspector predicts the path, then sends the test event that starts a real run.
  await builder.simulateFor(email);
  await expect(builder.inspectorStep("ours")).toContainText("yes");
  await expect(builder.inspectorStep("show")).toContainText(`${bannerId}`);
  await builder.sendTestEvent();
  await expect(page.getByTestId("inspector-test-event-result")).toContainText("scenario.test");

  const customer = await signedInAs(browser, { email, password });
  const account = new AccountPage(customer.page);
  await expect(async () => {
    await account.goto();
    await expect(account.bannerSlot).toContainText(`Hello ${suffix}`, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await account.dismissBanner();
  await expect(customer.page.getByText(`Hello ${suffix}`)).toHaveCount(0);
  await customer.context.close();

  // The canvas counts the visit: the banner node was passed once in the last 24 hours.
  await page.reload();
  await expect(builder.node("show")).toContainText(`Banner #${bannerId}`);
  await expect(builder.node("show")).toContainText("out 1");

  // The run's own page still draws its path: the condition it passed with its reason, and the banner it showed.
  await builder.inspectNewestRunOf(email);
  await page.getByRole("link", { name: "Open run page" }).click();
  const runDiagram = page.getByTestId("scenario-diagram");
  await expect(runDiagram.getByTestId("flow-node-condition")).toHaveAttribute(
    "data-visited",
    "true",
  );
  await expect(runDiagram.getByTestId("flow-node-condition")).toContainText("→ yes");
  await expect(runDiagram.getByTestId("flow-node-banner")).toHaveAttribute("data-visited", "true");
});
