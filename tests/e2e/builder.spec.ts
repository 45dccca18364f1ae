import { expect, type Locator, type Page, test } from "@playwright/test";
import { signInAsAdmin, uniqueSuffix } from "./fixtures";

/*
 * Issue 5 end to end: a scenario built on an empty canvas by drag and drop, configured through the side panel,
 * refused with its errors outlined on the nodes, fixed, published and enabled; a new user then walks it, and the
 * builder shows the visit counts and, in the run inspector, that user's path.
 */

const canvas = (page: Page) => page.getByTestId("builder-canvas");
const node = (page: Page, id: string) => canvas(page).locator(`.react-flow__node[data-id="${id}"]`);

async function dropFromPalette(page: Page, type: string, at: { x: number; y: number }) {
  await page.getByTestId(`palette-${type}`).dragTo(canvas(page), { targetPosition: at });
}

/** Drag from a node's output handle to another node's input handle, as a person draws a connection. */
async function connect(page: Page, from: string, port: string, to: string) {
  const source = await centre(page.getByTestId(`handle-${from}-${port}`));
  const target = await centre(node(page, to).locator(".react-flow__handle.target"));
  await page.mouse.move(source.x, source.y);
  await page.mouse.down();
  await page.mouse.move((source.x + target.x) / 2, (source.y + target.y) / 2, { steps: 5 });
  await page.mouse.move(target.x, target.y, { steps: 5 });
  await page.mouse.up();
}

async function centre(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error("element has no box");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function selectNode(page: Page, id: string) {
  await node(page, id).click({ position: { x: 120, y: 14 } });
  await expect(page.getByTestId("node-panel")).toHaveAttribute("data-node-id", id);
}

test("a scenario built by drag and drop runs for a new user, with counts and the user's path on the canvas", async ({ page, browser }, testInfo) => {
  const suffix = uniqueSuffix();
  const domain = `build${suffix}.test`;
  const email = `new-${suffix}@${domain}`;
  await signInAsAdmin(page);

  await page.goto("/admin/scenarios/new");
  await page.getByTestId("scenario-name").fill(`Built ${suffix}`);
  await page.getByTestId("scenario-settings-submit").click();
  await page.waitForURL(/\/admin\/scenarios\/\d+$/);
  await expect(canvas(page)).toHaveAttribute("data-ready", "true");
  await expect(page.getByTestId("builder-empty")).toBeVisible();

  // Palette → canvas, by drag and drop.
  await dropFromPalette(page, "event", { x: 330, y: 60 });
  await expect(node(page, "event-1")).toBeVisible();
  await dropFromPalette(page, "condition", { x: 330, y: 200 });
  await dropFromPalette(page, "email", { x: 170, y: 360 });
  await dropFromPalette(page, "wait", { x: 490, y: 360 });
  await dropFromPalette(page, "banner", { x: 490, y: 520 });
  await expect(canvas(page).locator(".react-flow__node")).toHaveCount(5);

  // Each node set up through the panel.
  await selectNode(page, "event-1");
  await page.getByTestId("panel-event-select").selectOption("user.created");
  await selectNode(page, "condition-1");
  await page.getByTestId("criterion-key-0").selectOption("user:email_domain");
  await page.getByTestId("criterion-operator-0").selectOption("is");
  await page.getByTestId("criterion-value-0").fill(domain);
  await selectNode(page, "email-1");
  await page.getByTestId("panel-template-select").selectOption("welcome");
  await expect(node(page, "email-1")).toContainText("Email: welcome");
  await selectNode(page, "wait-1");
  await page.getByTestId("panel-wait-amount").fill("3");
  await page.getByTestId("panel-wait-unit").selectOption("days");
  await expect(node(page, "wait-1")).toContainText("Wait 3 days");
  await selectNode(page, "banner-1");
  await page.getByTestId("panel-banner-select").selectOption({ label: "Finish your profile" });

  await connect(page, "event-1", "out", "condition-1");
  await connect(page, "condition-1", "yes", "email-1");
  await connect(page, "condition-1", "no", "wait-1");
  await connect(page, "wait-1", "out", "banner-1");
  await expect(canvas(page).locator(".react-flow__edge")).toHaveCount(4);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
  await page.screenshot({ path: testInfo.outputPath("builder-built.png") });

  // Publishing is refused: the email's and the banner's outputs lead nowhere. The nodes are outlined with the reason.
  await page.getByTestId("builder-publish").click();
  await page.getByTestId("publish-note").fill("First version");
  await page.getByTestId("publish-submit").click();
  await expect(page.getByTestId("publish-refusal")).toContainText("Fix");
  await page.keyboard.press("Escape");
  await expect(node(page, "email-1").getByTestId("flow-node-email")).toHaveAttribute("data-invalid", "true");
  await expect(page.getByTestId("node-errors-email-1")).toContainText('Connect the "out" output');
  await page.screenshot({ path: testInfo.outputPath("builder-errors.png") });

  // The issues list focuses a node; marking its output as the end fixes it, and the outline goes once saved.
  await page.getByTestId("issue-email-1").first().click();
  await expect(page.getByTestId("node-panel")).toHaveAttribute("data-node-id", "email-1");
  await page.getByTestId("port-open-out").check();
  await selectNode(page, "banner-1");
  await page.getByTestId("port-open-out").check();
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
  await expect(canvas(page).locator('[data-invalid="true"]')).toHaveCount(0);

  await page.getByTestId("builder-publish").click();
  await page.getByTestId("publish-note").fill("First version");
  await page.getByTestId("publish-submit").click();
  await expect(page.getByTestId("publish-dialog")).toHaveCount(0);
  await expect(page.getByTestId("scenario-version-info")).toContainText("version 1 live");
  await page.getByTestId("scenario-enable").click();
  await expect(page.getByTestId("scenario-disable")).toBeVisible();

  // A reload shows the same draft.
  await page.reload();
  await expect(canvas(page).locator(".react-flow__node")).toHaveCount(5);
  await expect(node(page, "wait-1")).toContainText("Wait 3 days");

  // Someone registers: user.created starts a run; the condition holds for their domain and the welcome email goes.
  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto("/register");
  await visitorPage.getByTestId("register-name").fill("New Reader");
  await visitorPage.getByTestId("register-email").fill(email);
  await visitorPage.getByTestId("register-password").fill("new-reader-pass-1");
  await visitorPage.getByTestId("register-submit").click();
  await visitorPage.waitForURL((url) => url.pathname.startsWith("/account"));
  await visitor.close();

  await expect(async () => {
    await page.goto(`/admin/emails?q=${encodeURIComponent(email)}`);
    await expect(page.getByTestId("emails-table")).toContainText(email, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });

  await page.goBack();
  await expect(async () => {
    await page.getByTestId("stats-refresh").click();
    await expect(node(page, "email-1")).toContainText("out 1", { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await expect(canvas(page).locator(".react-flow__edge-textwrapper", { hasText: /yes · 1/ })).toHaveCount(1);

  // The inspector finds the user's run and draws its path with the condition's reason.
  await page.getByTestId("panel-tab-inspect").click();
  await page.getByTestId("inspector-email").fill(email);
  await page.getByTestId("inspector-search").click();
  await page.locator('[data-testid^="inspector-run-"]').first().click();
  await expect(page.getByTestId("inspector-step-condition-1")).toContainText("yes");
  await expect(page.getByTestId("inspector-step-email-1")).toContainText("welcome");
  await expect(node(page, "condition-1").getByTestId("flow-node-condition")).toHaveAttribute("data-visited", "true");
  await expect(node(page, "email-1").getByTestId("flow-node-email")).toHaveAttribute("data-visited", "true");
  await expect(node(page, "wait-1").getByTestId("flow-node-wait")).toHaveAttribute("data-visited", "false");
  await page.screenshot({ path: testInfo.outputPath("builder-run-path.png") });
});

test("the builder's history: undo and redo, copy and paste, delete, the menus, and the warning on leaving", async ({ page }) => {
  const suffix = uniqueSuffix();
  await signInAsAdmin(page);
  await page.goto("/admin/scenarios/new");
  await page.getByTestId("scenario-name").fill(`History ${suffix}`);
  await page.getByTestId("scenario-settings-submit").click();
  await page.waitForURL(/\/admin\/scenarios\/\d+$/);
  await expect(canvas(page)).toHaveAttribute("data-ready", "true");

  // Keyboard: the palette adds in the middle of the view.
  await page.getByTestId("palette-wait").focus();
  await page.keyboard.press("Enter");
  await expect(node(page, "wait-1")).toBeVisible();
  await page.getByTestId("palette-email").click();
  await expect(canvas(page).locator(".react-flow__node")).toHaveCount(2);

  await page.keyboard.press("Control+z");
  await expect(canvas(page).locator(".react-flow__node")).toHaveCount(1);
  await page.keyboard.press("Control+Shift+z");
  await expect(canvas(page).locator(".react-flow__node")).toHaveCount(2);

  await selectNode(page, "wait-1");
  await page.keyboard.press("Control+c");
  await page.keyboard.press("Control+v");
  await expect(node(page, "wait-2")).toBeVisible();
  await page.keyboard.press("Delete");
  await expect(node(page, "wait-2")).toHaveCount(0);

  // Right-click menu on the canvas: select all, then the shortcut list.
  await canvas(page).locator(".react-flow__pane").click({ button: "right", position: { x: 40, y: 300 } });
  await page.getByRole("menuitem", { name: "Select all" }).click();
  await expect(page.getByTestId("multi-panel")).toContainText("2 nodes selected");
  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcuts-dialog")).toContainText("Undo");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("shortcuts-dialog")).toHaveCount(0);

  // Nothing leads to these nodes: the issues tab says so, node by node.
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
  await page.getByTestId("panel-tab-issues").click();
  await expect(page.getByTestId("issues-list")).toContainText("wait-1");

  // Leaving with an unsaved change asks first.
  await page.getByTestId("palette-banner").click();
  const dialogs: string[] = [];
  page.once("dialog", async (dialog) => {
    dialogs.push(dialog.type());
    await dialog.dismiss();
  });
  await page.getByRole("link", { name: "← Scenarios" }).click();
  expect(dialogs).toEqual(["confirm"]);
  await expect(page).toHaveURL(/\/admin\/scenarios\/\d+$/);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
});
