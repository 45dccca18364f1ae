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
  await expect(builder.nodeErrors("email-1")).toContainText('Connect the "next" output');
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

/** Whether two screen boxes share any pixel. */
function overlaps(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test("the builder's room: full screen, an icons-only palette and a wider panel, each remembered after a reload", async ({
  page,
}) => {
  await new LoginPage(page).signInAsAdmin();
  const builder = new ScenarioBuilderPage(page);
  await builder.createScenario(`Room ${uniqueSuffix()}`);
  const viewport = page.viewportSize()!;

  // Beside the admin shell at first: the shell's sidebar and header stay in view.
  const inShell = await builder.box(builder.root);
  expect(inShell.x).toBeGreaterThan(0);
  expect(inShell.y).toBeGreaterThan(0);

  const canvasInShell = await builder.box(builder.canvas);

  // Full screen by the button: the builder covers the whole window, the shell included, and the canvas grows.
  await builder.fullScreenButton.click();
  await expect(builder.root).toHaveAttribute("data-full-screen", "true");
  expect(await builder.box(builder.root)).toEqual({
    x: 0,
    y: 0,
    width: viewport.width,
    height: viewport.height,
  });
  expect((await builder.box(builder.canvas)).width).toBeGreaterThan(canvasInShell.width);

  // The palette folds to its icons; its buttons still add nodes.
  const wide = await builder.box(builder.paletteBar);
  await builder.paletteToggle.click();
  await expect(builder.paletteBar).toHaveAttribute("data-collapsed", "true");
  expect((await builder.box(builder.paletteBar)).width).toBeLessThan(wide.width / 2);
  await builder.addFromPalette("wait");
  await expect(builder.node("wait-1")).toBeVisible();

  // The panel's edge drags it wider.
  const panelBefore = await builder.box(builder.sidePanel);
  await builder.resizePanel(-120);
  await expect
    .poll(async () => Math.round((await builder.box(builder.sidePanel)).width))
    .toBe(Math.round(panelBefore.width + 120));

  // All three survive a reload.
  await builder.waitUntilSaved();
  await page.reload();
  await expect(builder.canvas).toHaveAttribute("data-ready", "true");
  await expect(builder.root).toHaveAttribute("data-full-screen", "true");
  await expect(builder.paletteBar).toHaveAttribute("data-collapsed", "true");
  await expect
    .poll(async () => Math.round((await builder.box(builder.sidePanel)).width))
    .toBe(Math.round(panelBefore.width + 120));

  // Shift F leaves full screen; the builder is back beside the shell.
  await page.keyboard.press("Shift+F");
  await expect(builder.root).toHaveAttribute("data-full-screen", "false");
  expect((await builder.box(builder.root)).x).toBe(inShell.x);
});

test("nodes dropped on the minimap or added from the palette land in the free part of the canvas", async ({
  page,
}) => {
  await new LoginPage(page).signInAsAdmin();
  const builder = new ScenarioBuilderPage(page);
  await builder.createScenario(`Placement ${uniqueSuffix()}`);

  // Dropped right on the minimap: the node goes beside it, wholly on the canvas.
  const canvas = await builder.box(builder.canvas);
  const minimap = await builder.box(builder.minimap);
  await builder.dropFromPalette("email", {
    x: minimap.x - canvas.x + minimap.width / 2,
    y: minimap.y - canvas.y + minimap.height / 2,
  });
  await expect(builder.node("email-1")).toBeVisible();
  const dropped = await builder.box(builder.node("email-1"));
  expect(overlaps(dropped, minimap)).toBe(false);
  expect(dropped.x + dropped.width).toBeLessThanOrEqual(canvas.x + canvas.width);
  expect(dropped.y + dropped.height).toBeLessThanOrEqual(canvas.y + canvas.height);

  // Dropped on the zoom controls: the same.
  const controls = await builder.box(builder.canvas.locator(".react-flow__controls"));
  await builder.dropFromPalette("wait", {
    x: controls.x - canvas.x + controls.width / 2,
    y: controls.y - canvas.y + controls.height / 2,
  });
  await expect(builder.node("wait-1")).toBeVisible();
  expect(overlaps(await builder.box(builder.node("wait-1")), controls)).toBe(false);

  // Added by pressing the palette, five in a row: each in view, none under the minimap, controls or toolbars.
  for (let i = 0; i < 5; i++) await builder.addFromPalette("banner");
  await expect(builder.nodes).toHaveCount(7);
  const covers = [
    minimap,
    controls,
    ...(await Promise.all(
      (await builder.canvas.locator(".react-flow__panel.top").all()).map((panel) =>
        builder.box(panel),
      ),
    )),
  ];
  for (let i = 1; i <= 5; i++) {
    const added = await builder.box(builder.node(`banner-${i}`));
    expect(added.x).toBeGreaterThanOrEqual(canvas.x);
    expect(added.y).toBeGreaterThanOrEqual(canvas.y);
    expect(added.x + added.width).toBeLessThanOrEqual(canvas.x + canvas.width);
    expect(added.y + added.height).toBeLessThanOrEqual(canvas.y + canvas.height);
    for (const cover of covers) expect(overlaps(added, cover)).toBe(false);
  }
});
