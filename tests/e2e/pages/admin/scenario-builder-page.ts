import { expect, type Locator, type Page } from "@playwright/test";

interface Point {
  x: number;
  y: number;
}

async function centre(locator: Locator): Promise<Point> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("element has no box");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * /admin/scenarios/<id>: the builder — the canvas with its palette, the side panel (node forms, issues, settings,
 * versions, the run inspector), publishing and enabling.
 */
export class ScenarioBuilderPage {
  readonly canvas: Locator;
  readonly nodes: Locator;
  readonly edges: Locator;
  readonly empty: Locator;
  readonly panel: Locator;
  readonly saveStatus: Locator;
  readonly issues: Locator;
  readonly noIssues: Locator;
  readonly publishDialog: Locator;
  readonly publishRefusal: Locator;
  readonly versionInfo: Locator;
  readonly multiSelection: Locator;
  readonly shortcuts: Locator;
  readonly root: Locator;
  readonly fullScreenButton: Locator;
  readonly paletteBar: Locator;
  readonly paletteToggle: Locator;
  readonly sidePanel: Locator;
  readonly panelResizer: Locator;
  readonly minimap: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByTestId("builder-canvas");
    this.nodes = this.canvas.locator(".react-flow__node");
    this.edges = this.canvas.locator(".react-flow__edge");
    this.empty = page.getByTestId("builder-empty");
    this.panel = page.getByTestId("node-panel");
    this.saveStatus = page.getByTestId("save-status");
    this.issues = page.getByTestId("issues-list");
    this.noIssues = page.getByTestId("issues-none");
    this.publishDialog = page.getByTestId("publish-dialog");
    this.publishRefusal = page.getByTestId("publish-refusal");
    this.versionInfo = page.getByTestId("scenario-version-info");
    this.multiSelection = page.getByTestId("multi-panel");
    this.shortcuts = page.getByTestId("shortcuts-dialog");
    this.root = page.getByTestId("scenario-builder");
    this.fullScreenButton = page.getByTestId("builder-full-screen");
    this.paletteBar = page.getByTestId("builder-palette");
    this.paletteToggle = page.getByTestId("palette-toggle");
    this.sidePanel = page.getByTestId("builder-panel");
    this.panelResizer = page.getByTestId("panel-resizer");
    this.minimap = this.canvas.locator(".react-flow__minimap");
  }

  /** An element's box on the screen; fails when it is not rendered. */
  async box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
    const box = await locator.boundingBox();
    if (!box) throw new Error("element has no box");
    return box;
  }

  /** Drag the side panel's left edge `by` pixels (negative: to the left, wider). */
  async resizePanel(by: number) {
    const from = await centre(this.panelResizer);
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + by, from.y, { steps: 6 });
    await this.page.mouse.up();
  }

  /** Create a scenario by name and wait for its builder to be ready. */
  async createScenario(name: string) {
    await this.page.goto("/admin/scenarios/new");
    await this.page.getByTestId("scenario-name").fill(name);
    await this.page.getByTestId("scenario-settings-submit").click();
    await this.page.waitForURL(/\/admin\/scenarios\/\d+$/);
    await expect(this.canvas).toHaveAttribute("data-ready", "true");
  }

  node(id: string): Locator {
    return this.canvas.locator(`.react-flow__node[data-id="${id}"]`);
  }

  /** A node's drawing (`flow-node-<type>`), which carries data-invalid and data-visited. */
  nodeDrawing(id: string, type: string): Locator {
    return this.node(id).getByTestId(`flow-node-${type}`);
  }

  async waitUntilSaved() {
    await expect(this.saveStatus).toHaveAttribute("data-status", "saved");
  }

  palette(type: string): Locator {
    return this.page.getByTestId(`palette-${type}`);
  }

  async dropFromPalette(type: string, at: Point) {
    await this.palette(type).dragTo(this.canvas, { targetPosition: at });
  }

  /** Drag a node on the canvas by its body, `by` pixels on the screen. */
  async dragNode(id: string, by: Point) {
    const from = await centre(this.node(id));
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + by.x, from.y + by.y, { steps: 8 });
    await this.page.mouse.up();
  }

  /** Add a node in the middle of the view, by a click on the palette or with the keyboard. */
  async addFromPalette(type: string, by: "click" | "keyboard" = "click") {
    if (by === "click") {
      await this.palette(type).click();
    } else {
      await this.palette(type).focus();
      await this.page.keyboard.press("Enter");
    }
  }

  /** A label drawn on the edges (the users that went along them). */
  edgeLabel(text: RegExp): Locator {
    return this.canvas.locator(".react-flow__edge-textwrapper", { hasText: text });
  }

  /** Right-click the empty canvas and pick from its menu. */
  async chooseFromCanvasMenu(item: string, at: Point) {
    await this.canvas.locator(".react-flow__pane").click({ button: "right", position: at });
    await this.page.getByRole("menuitem", { name: item }).click();
  }

  /** Drag from a node's output handle to another node's input handle, as a person draws a connection. */
  async connect(from: string, port: string, to: string) {
    const source = await centre(this.page.getByTestId(`handle-${from}-${port}`));
    const target = await centre(this.node(to).locator(".react-flow__handle.target"));
    await this.page.mouse.move(source.x, source.y);
    await this.page.mouse.down();
    await this.page.mouse.move((source.x + target.x) / 2, (source.y + target.y) / 2, { steps: 5 });
    await this.page.mouse.move(target.x, target.y, { steps: 5 });
    await this.page.mouse.up();
  }

  async selectNode(id: string) {
    await this.node(id).click({ position: { x: 120, y: 14 } });
    await expect(this.panel).toHaveAttribute("data-node-id", id);
  }

  async openPanelTab(tab: "inspect" | "issues" | "settings" | "versions") {
    await this.page.getByTestId(`panel-tab-${tab}`).click();
  }

  /** The selected event node's trigger. */
  async setTrigger(event: string) {
    await this.page.getByTestId("panel-event-select").selectOption(event);
  }

  /** One criterion of the selected condition node. */
  async setCriterion(index: number, criterion: { key: string; operator: string; value: string }) {
    await this.page.getByTestId(`criterion-key-${index}`).selectOption(criterion.key);
    await this.page.getByTestId(`criterion-operator-${index}`).selectOption(criterion.operator);
    await this.page.getByTestId(`criterion-value-${index}`).fill(criterion.value);
  }

  /** The selected email node's template, by code. */
  async setEmailTemplate(code: string) {
    await this.page.getByTestId("panel-template-select").selectOption(code);
  }

  /** The selected wait node's duration. */
  async setWait(amount: number, unit: string) {
    await this.page.getByTestId("panel-wait-amount").fill(String(amount));
    await this.page.getByTestId("panel-wait-unit").selectOption(unit);
  }

  /** The selected banner node's banner, by its title. */
  async setBanner(title: string) {
    await this.page.getByTestId("panel-banner-select").selectOption({ label: title });
  }

  /** An issue of the issues list that names a node; a click focuses that node. */
  issue(nodeId: string): Locator {
    return this.page.getByTestId(`issue-${nodeId}`);
  }

  /** The reasons outlined on a node that cannot be published as it is. */
  nodeErrors(nodeId: string): Locator {
    return this.page.getByTestId(`node-errors-${nodeId}`);
  }

  version(number: number): Locator {
    return this.page.getByTestId(`version-${number}`);
  }

  /** Mark the selected node's output `port` as an end of the scenario. */
  async markPortOpen(port: string) {
    await this.page.getByTestId(`port-open-${port}`).check();
  }

  /** Replace the draft with graph JSON through the settings tab, and wait until it is saved. */
  async importGraph(graph: unknown) {
    await this.openPanelTab("settings");
    await this.page.getByTestId("graph-json").fill(JSON.stringify(graph));
    await this.page.getByTestId("graph-json-apply").click();
    await this.waitUntilSaved();
  }

  /** Open the publish dialog and send it, with a note when given. */
  async publish(note?: string) {
    await this.page.getByTestId("builder-publish").click();
    if (note !== undefined) await this.page.getByTestId("publish-note").fill(note);
    await this.page.getByTestId("publish-submit").click();
  }

  async enable() {
    await this.page.getByTestId("scenario-enable").click();
    await expect(this.page.getByTestId("scenario-disable")).toBeVisible();
  }

  /** Recount the visits shown on the canvas. */
  async refreshStats() {
    await this.page.getByTestId("stats-refresh").click();
  }

  /** The run inspector: find a user's runs by email and open the newest. */
  async inspectNewestRunOf(email: string) {
    await this.openPanelTab("inspect");
    await this.page.getByTestId("inspector-email").fill(email);
    await this.page.getByTestId("inspector-search").click();
    await this.page.locator('[data-testid^="inspector-run-"]').first().click();
  }

  /** The run inspector's prediction: the path `email`'s user would take now. */
  async simulateFor(email: string) {
    await this.openPanelTab("inspect");
    await this.page.getByTestId("inspector-email").fill(email);
    await this.page.getByTestId("inspector-simulate").click();
  }

  async sendTestEvent() {
    await this.page.getByTestId("inspector-test-event").click();
  }

  /** The inspector's line for one node of the path it shows. */
  inspectorStep(nodeId: string): Locator {
    return this.page.getByTestId(`inspector-step-${nodeId}`);
  }
}
