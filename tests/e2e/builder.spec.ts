import { ScenarioBuilderPage } from "./pages/admin/scenario-builder-page";
import { MailboxPage } from "./pages/admin/mailbox-page";
import { LoginPage } from "./pages/login-page";
import { RegisterPage } from "./pages/register-page";
import { expect, test, uniqueSuffix } from "./fixtures";

/*
 * Issue 5 end to end: a scenario built on an empty canvas by drag and drop, configured through the side panel,
 * refused with its errors outlined on the nodes, fixed, published and enabled; a new user then walks it, and the
 * builder shows the visit counts and, in the run inspector, that user's path.
 */

test("a scenario built by drag and drop runs for a new user, with counts and the user's path on the canvas", async ({
  page,
  browser,
}, testInfo) => {
  const suffix = uniqueSuffix();
  const domain = `build${suffix}.test`;
  const email = `new-${suffix}@${domain}`;
  await new LoginPage(page).signInAsAdmin();

  const builder = new ScenarioBuilderPage(page);
  await builder.createScenario(`Built ${suffix}`);
  await expect(builder.empty).toBeVisible();

  // Palette → canvas, by drag and drop.
  await builder.dropFromPalette("event", { x: 330, y: 60 });
  await expect(builder.node("event-1")).toBeVisible();
  await builder.dropFromPalette("condition", { x: 330, y: 200 });
  await builder.dropFromPalette("email", { x: 170, y: 360 });
  await builder.dropFromPalette("wait", { x: 490, y: 360 });
  await builder.dropFromPalette("banner", { x: 490, y: 520 });
  await expect(builder.nodes).toHaveCount(5);

  // Each node set up through the panel.
  await builder.selectNode("event-1");
  await builder.setTrigger("user.created");
  await builder.selectNode("condition-1");
  await builder.setCriterion(0, { key: "user:email_domain", operator: "is", value: domain });
  await builder.selectNode("email-1");
  await builder.setEmailTemplate("welcome");
  await expect(builder.node("email-1")).toContainText("Email: welcome");
  await builder.selectNode("wait-1");
  await builder.setWait(3, "days");
  await expect(builder.node("wait-1")).toContainText("Wait 3 days");
  await builder.selectNode("banner-1");
  await builder.setBanner("Finish your profile");

  await builder.connect("event-1", "out", "condition-1");
  await builder.connect("condition-1", "yes", "email-1");
  await builder.connect("condition-1", "no", "wait-1");
  await builder.connect("wait-1", "out", "banner-1");
  await expect(builder.edges).toHaveCount(4);
  await builder.waitUntilSaved();
  await page.screenshot({ path: testInfo.outputPath("builder-built.png") });

  // Publishing is refused: the email's and the banner's outputs lead nowhere. The nodes are outlined with the reason.
  await builder.publish("First version");
  await expect(builder.publishRefusal).toContainText("Fix");
  await page.keyboard.press("Escape");
  await expect(builder.nodeDrawing("email-1", "email")).toHaveAttribute("data-invalid", "true");
  await expect(builder.nodeErrors("email-1")).toContainText('Connect the "out" output');
  await page.screenshot({ path: testInfo.outputPath("builder-errors.png") });

  // The issues list focuses a node; marking its output as the end fixes it, and the outline goes once saved.
  await builder.issue("email-1").first().click();
  await expect(builder.panel).toHaveAttribute("data-node-id", "email-1");
  await builder.markPortOpen("out");
  await builder.selectNode("banner-1");
  await builder.markPortOpen("out");
  await builder.waitUntilSaved();
  await expect(builder.canvas.locator('[data-invalid="true"]')).toHaveCount(0);

  await builder.publish("First version");
  await expect(builder.publishDialog).toHaveCount(0);
  await expect(builder.versionInfo).toContainText("version 1 live");
  await builder.enable();

  // A reload shows the same draft.
  await page.reload();
  await expect(builder.nodes).toHaveCount(5);
  await expect(builder.node("wait-1")).toContainText("Wait 3 days");

  // Someone registers: user.created starts a run; the condition holds for their domain and the welcome email goes.
  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  const register = new RegisterPage(visitorPage);
  await register.goto();
  await register.register({ name: "New Reader", email, password: "new-reader-pass-1" });
  await visitorPage.waitForURL((url) => url.pathname.startsWith("/account"));
  await visitor.close();

  await new MailboxPage(page).waitFor(email, email, { timeout: 60_000, perTry: 1000 });

  await page.goBack();
  await expect(async () => {
    await builder.refreshStats();
    await expect(builder.node("email-1")).toContainText("out 1", { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await expect(builder.edgeLabel(/yes · 1/)).toHaveCount(1);

  // The inspector finds the user's run and draws its path with the condition's reason.
  await builder.inspectNewestRunOf(email);
  await expect(builder.inspectorStep("condition-1")).toContainText("yes");
  await expect(builder.inspectorStep("email-1")).toContainText("welcome");
  await expect(builder.nodeDrawing("condition-1", "condition")).toHaveAttribute(
    "data-visited",
    "true",
  );
  await expect(builder.nodeDrawing("email-1", "email")).toHaveAttribute("data-visited", "true");
  await expect(builder.nodeDrawing("wait-1", "wait")).toHaveAttribute("data-visited", "false");
  await page.screenshot({ path: testInfo.outputPath("builder-run-path.png") });
});

test("the builder's history: undo and redo, copy and paste, delete, the menus, and the warning on leaving", async ({
  page,
}) => {
  await new LoginPage(page).signInAsAdmin();
  const builder = new ScenarioBuilderPage(page);
  await builder.createScenario(`History ${uniqueSuffix()}`);

  // Keyboard: the palette adds in the middle of the view.
  await builder.addFromPalette("wait", "keyboard");
  await expect(builder.node("wait-1")).toBeVisible();
  await builder.addFromPalette("email");
  await expect(builder.nodes).toHaveCount(2);

  await page.keyboard.press("Control+z");
  await expect(builder.nodes).toHaveCount(1);
  await page.keyboard.press("Control+Shift+z");
  await expect(builder.nodes).toHaveCount(2);

  await builder.selectNode("wait-1");
  await page.keyboard.press("Control+c");
  await page.keyboard.press("Control+v");
  await expect(builder.node("wait-2")).toBeVisible();
  await page.keyboard.press("Delete");
  await expect(builder.node("wait-2")).toHaveCount(0);

  // Right-click menu on the canvas: select all, then the shortcut list.
  await builder.chooseFromCanvasMenu("Select all", { x: 40, y: 300 });
  await expect(builder.multiSelection).toContainText("2 nodes selected");
  await page.keyboard.press("?");
  await expect(builder.shortcuts).toContainText("Undo");
  await page.keyboard.press("Escape");
  await expect(builder.shortcuts).toHaveCount(0);

  // Nothing leads to these nodes: the issues tab says so, node by node.
  await builder.waitUntilSaved();
  await builder.openPanelTab("issues");
  await expect(builder.issues).toContainText("wait-1");

  // Leaving with an unsaved change asks first.
  await builder.addFromPalette("banner");
  const dialogs: string[] = [];
  page.once("dialog", async (dialog) => {
    dialogs.push(dialog.type());
    await dialog.dismiss();
  });
  await page.getByRole("link", { name: "← Scenarios" }).click();
  expect(dialogs).toEqual(["confirm"]);
  await expect(page).toHaveURL(/\/admin\/scenarios\/\d+$/);
  await builder.waitUntilSaved();
});
