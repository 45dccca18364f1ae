/**
 * `npm run bench:builder`: the scenario builder under a large scenario, in headless Chromium against a production
 * build (`next start`). Seeds an admin, a customer and a draft of 300 nodes and 400 edges through the app's own
 * functions, then prints: the time from navigating to the builder until its canvas is interactive (React Flow
 * initialised, every node rendered; fresh browser context each time, median of 3); frames per second while panning
 * the canvas and while dragging a node, 3 s each; and the JavaScript that /account and the builder load (raw, and
 * gzip level 9 per file). The same graph is drawn on a bare React Flow canvas (default nodes, `bare-canvas/`) of the
 * builder canvas's size, timed and dragged the same way in turns with the builder (BENCH_ROUNDS rounds, 3 by
 * default); the builder's frame rates are printed as a share of the bare canvas's.
 * Builds first when there is no build (or BENCH_BUILD=1). Uses a fresh embedded database unless DATABASE_URL is set.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";
import { connect } from "@/lib/db/connect";
import { LoginPage } from "../../tests/e2e/pages/login-page";
import { freePort, startProcess, stopProcess, waitFor200 } from "../support/processes";
import { serveBareCanvas } from "./bare-canvas/serve-bare-canvas";
import { BARE_CANVAS, CANVAS, NODE, PANE, VIEWPORT, waitForInteractiveCanvas } from "./canvas";
import { dragInCircles, emptyPanePoint, visibleNodePoint, type FrameRate } from "./frame-rate";
import { kilobytes, measureScripts, type ScriptSizes } from "./script-sizes";
import { type Account, seedBuilderData } from "./seed-builder-data";

const NODES = 300;
const EDGES = 400;
const NAVIGATIONS = 3;
/** Rounds of gestures, each on the builder and then on the bare canvas. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const GESTURE_MS = 3000;
const VIEWPORT_SIZE = { width: 1280, height: 800 };
const PGLITE_DIR = path.resolve("node_modules/.cache/subflow/bench-builder");
const toStderr = { stdio: ["ignore", 2, 2] as ["ignore", number, number] };

if (!existsSync(".next/BUILD_ID") || process.env.BENCH_BUILD === "1") {
  console.log("Building first: npm run build");
  execFileSync("npm", ["run", "build"], toStderr);
}

const databaseUrl = process.env.DATABASE_URL;
const databaseEnv = databaseUrl ? { DATABASE_URL: databaseUrl } : { PGLITE_DIR };
if (!databaseUrl) rmSync(PGLITE_DIR, { recursive: true, force: true });
// Migrate (and, on an empty database, add the demo data) as the browser tests do; then seed in this process, before
// the server starts: an embedded database belongs to one process at a time.
execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/prepare-database.ts"], {
  ...toStderr,
  env: { ...process.env, ...databaseEnv },
});
const connection = await connect(databaseUrl, { pgliteDir: PGLITE_DIR });
const data = await seedBuilderData(connection.db, { nodes: NODES, edges: EDGES }).finally(() =>
  connection.close(),
);

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = startProcess(
  "npx",
  ["next", "start", "--port", String(port)],
  {
    ...process.env,
    ...databaseEnv,
    NODE_ENV: "production",
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    NEXTAUTH_URL: base,
    SUBFLOW_LOCAL_EXECUTOR: "1",
    INNGEST_LOCAL_PORT: String(await freePort()),
    INNGEST_APP_URL: `${base}/api/inngest`,
    NEXT_TELEMETRY_DISABLED: "1",
  },
  "[next]",
);
const bare = await serveBareCanvas(data.graph);
let browser: Browser | undefined;
try {
  await waitFor200(`${base}/login`, server, 120_000);
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-dev-shm-usage",
    ],
  });
  await bench(browser);
} finally {
  await browser?.close();
  await bare.close();
  await stopProcess(server);
  if (!databaseUrl) rmSync(PGLITE_DIR, { recursive: true, force: true });
}

async function bench(browser: Browser) {
  const builderPath = `/admin/scenarios/${data.scenarioId}`;
  const admin = await signedInState(browser, data.admin, "/admin");
  const customer = await signedInState(browser, data.customer, "/account");

  const accountPage = await freshPage(browser, customer);
  const accountScripts = await measureScripts(accountPage, () => open(accountPage, "/account"));
  await accountPage.context().close();

  // The first visit (not timed) lets the server load the route; it is the one whose scripts are counted. The bare
  // canvas is drawn in a box the size of the builder's canvas, so both draw the same part of the graph.
  const firstPage = await freshPage(browser, admin);
  const builderScripts = await measureScripts(firstPage, () => openBuilder(firstPage, builderPath));
  const canvasBox = await firstPage.locator(CANVAS).boundingBox();
  await firstPage.context().close();
  if (!canvasBox) throw new Error("the builder's canvas has no box");
  const bareUrl = bare.url(canvasBox);

  const builderTimes: number[] = [];
  const bareTimes: number[] = [];
  for (let i = 0; i < NAVIGATIONS; i++) {
    builderTimes.push(
      await timeToInteractive(browser, admin, (page) => openBuilder(page, builderPath)),
    );
    bareTimes.push(await timeToInteractive(browser, undefined, (page) => openBare(page, bareUrl)));
  }

  // Builder and bare canvas in turns, so a change in the machine's load touches both alike.
  const rounds: Record<"builder" | "bare", Gestures>[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const builderPage = await freshPage(browser, admin);
    await openBuilder(builderPage, builderPath);
    const builder = await gestures(builderPage, CANVAS);
    await builderPage.context().close();
    const barePage = await freshPage(browser, undefined);
    await openBare(barePage, bareUrl);
    const bareCanvas = await gestures(barePage, BARE_CANVAS);
    await barePage.context().close();
    rounds.push({ builder, bare: bareCanvas });
  }

  const ms = (value: number) => `${Math.round(value)} ms`;
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const percent = (share: number) => `${Math.round(share * 100)} %`;
  const scripts = (sizes: ScriptSizes) =>
    `${kilobytes(sizes.gzipBytes)} (${sizes.files} files, ${kilobytes(sizes.rawBytes)} raw)`;
  console.log(
    `builder: ${NODES} nodes / ${EDGES} edges — next start, headless Chromium ${VIEWPORT_SIZE.width}×${VIEWPORT_SIZE.height}, canvas ${Math.round(canvasBox.width)}×${Math.round(canvasBox.height)}, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(2)}`,
  );
  console.log(
    `  navigation → interactive canvas: builder median ${ms(median(builderTimes))} (${builderTimes.map(ms).join(", ")}); bare canvas median ${ms(median(bareTimes))} (${bareTimes.map(ms).join(", ")}); fresh browser context each`,
  );
  for (const gesture of ["panning", "dragging"] as const) {
    const builder = rounds.map((r) => r.builder[gesture]);
    const bareCanvas = rounds.map((r) => r.bare[gesture]);
    const shares = rounds.map(
      (r) => r.builder[gesture].framesPerSecond / r.bare[gesture].framesPerSecond,
    );
    const rates = (list: FrameRate[]) =>
      list.map((rate) => `${rate.framesPerSecond.toFixed(1)}`).join(", ");
    console.log(
      `  ${gesture === "panning" ? "panning" : "dragging a node"} ${GESTURE_MS / 1000} s × ${ROUNDS}: builder ${rates(builder)} fps (worst gap ${ms(Math.max(...builder.map((r) => r.worstGapMs)))}); bare canvas ${rates(bareCanvas)} fps (worst gap ${ms(Math.max(...bareCanvas.map((r) => r.worstGapMs)))}); builder/bare ${percent(median(builder.map((r) => r.framesPerSecond)) / median(bareCanvas.map((r) => r.framesPerSecond)))} of medians (rounds ${shares.map(percent).join(", ")})`,
    );
  }
  console.log(
    `  JS, gzip -9 per file: /account ${scripts(accountScripts)}; builder ${scripts(builderScripts)}`,
  );
}

interface Gestures {
  panning: FrameRate;
  dragging: FrameRate;
}

/** Pan the empty canvas in circles, then drag the node nearest the middle in circles. */
async function gestures(page: Page, canvas: string): Promise<Gestures> {
  await page.waitForLoadState("networkidle");
  await page.locator(canvas).scrollIntoViewIfNeeded();
  const panning = await dragInCircles(
    page,
    await emptyPanePoint(page, canvas, PANE),
    GESTURE_MS,
    `${canvas} ${VIEWPORT}`,
  );
  const node = await visibleNodePoint(page, canvas, NODE);
  const dragging = await dragInCircles(
    page,
    node,
    GESTURE_MS,
    `${canvas} ${NODE}[data-id="${node.id}"]`,
  );
  return { panning, dragging };
}

/** From navigating to an interactive canvas, in a fresh browser context. */
async function timeToInteractive(
  browser: Browser,
  storageState: SignedIn | undefined,
  load: (page: Page) => Promise<void>,
): Promise<number> {
  const page = await freshPage(browser, storageState);
  const started = performance.now();
  await load(page);
  const time = performance.now() - started;
  await page.context().close();
  return time;
}

async function open(page: Page, target: string) {
  await page.goto(target, { waitUntil: "commit" });
  if (new URL(page.url()).pathname !== target) throw new Error(`${target} led to ${page.url()}`);
}

async function openBuilder(page: Page, target: string) {
  await open(page, target);
  await waitForInteractiveCanvas(page, NODES);
}

async function openBare(page: Page, url: string) {
  await page.goto(url, { waitUntil: "commit" });
  await waitForInteractiveCanvas(page, NODES, BARE_CANVAS);
}

type SignedIn = Awaited<ReturnType<BrowserContext["storageState"]>>;

async function freshPage(browser: Browser, storageState: SignedIn | undefined): Promise<Page> {
  const context = await browser.newContext({
    baseURL: base,
    viewport: VIEWPORT_SIZE,
    storageState,
  });
  return context.newPage();
}

async function signedInState(
  browser: Browser,
  account: Account,
  landing: string,
): Promise<SignedIn> {
  const context = await browser.newContext({ baseURL: base, viewport: VIEWPORT_SIZE });
  await new LoginPage(await context.newPage()).signIn(account.email, account.password, landing);
  const state = await context.storageState();
  await context.close();
  return state;
}
