import { ScenarioBuilderPage } from "./pages/admin/scenario-builder-page";
import { LoginPage } from "./pages/login-page";
import { expect, test, uniqueSuffix } from "./fixtures";

/*
 * Issue 20 item 7: an admin defines a scenario's conversion (payment.paid within 7 days) and a 10 % holdout in the
 * builder's settings, publishes, and opens the scenario's report from the builder's header.
 */

const graph = {
  nodes: [
    { id: "start", type: "event", config: { event: "scenario.test" }, position: { x: 0, y: 0 } },
    {
      id: "split",
      type: "ab_test",
      config: {
        variants: [
          { code: "A", name: "Short", percent: 50 },
          { code: "B", name: "Long", percent: 50 },
        ],
      },
      position: { x: 0, y: 120 },
      openPorts: ["variant:A", "variant:B"],
    },
  ],
  edges: [{ id: "e1", from: "start", fromPort: "out", to: "split" }],
};

test("an admin sets a conversion and a 10 % holdout, publishes, and opens the report", async ({
  page,
}, testInfo) => {
  const suffix = uniqueSuffix();
  await new LoginPage(page).signInAsAdmin();
  const builder = new ScenarioBuilderPage(page);
  await builder.createScenario(`Measured ${suffix}`);
  await builder.importGraph(graph);

  await builder.openPanelTab("settings");
  const form = page.getByTestId("scenario-conversion-form");
  await form.getByTestId("scenario-conversion-event").selectOption("payment.paid");
  await form.getByTestId("scenario-conversion-window").fill("7");
  await form.getByTestId("scenario-holdout").fill("10");
  await form.getByTestId("scenario-conversion-submit").click();
  await expect(form).toContainText("Conversion saved.");

  await builder.publish("Measured version");
  await expect(builder.versionInfo).toContainText("version 1 live");

  await page.getByTestId("builder-report").click();
  await page.waitForURL(/\/admin\/scenarios\/\d+\/report$/);
  await expect(page.getByTestId("page-title")).toHaveText(`Report: Measured ${suffix}`);
  await expect(page.getByTestId("report-conversion")).toContainText(
    "payment.paid within 7 days after entry · holdout 10 %",
  );
  await expect(page.getByTestId("report-holdout")).toContainText("Holdout (10 %)");
  await expect(page.getByTestId("report-treated-entered")).toHaveText("0");
  await expect(page.getByTestId("report-uplift")).toContainText("needs entries in both groups");
  await expect(page.getByTestId("report-entries-chart")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("scenario-report-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("scenario-report-390.png"), fullPage: true });

  // The settings are kept: the builder's form shows them again.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId("scenario-report-back").click();
  await builder.openPanelTab("settings");
  await expect(form.getByTestId("scenario-conversion-event")).toHaveValue("payment.paid");
  await expect(form.getByTestId("scenario-holdout")).toHaveValue("10");

  // On a phone the builder's header keeps Publish on screen: Runs and Report fold into More.
  await page.setViewportSize({ width: 390, height: 844 });
  const publish = page.getByTestId("builder-publish");
  await expect(publish).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId("builder-more")).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: testInfo.outputPath("scenario-builder-390.png") });
});
