/**
 * `npm run bench:builder`: the scenario builder under a large scenario, in headless Chromium against a production
 * build (`next start`). Seeds an admin, a customer and a draft of 300 nodes and 400 edges through the app's own
 * functions, then prints: the time from navigating to the builder until its canvas is interactive (React Flow
 * initialised, every node rendered; fresh browser context each time, median of 3); frames per second while panning
 * the canvas and while dragging a node, 3 s each; and the JavaScript that /account and the builder load (raw, and
 * gzip level 9 per file).
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
import { CANVAS, NODE, PANE, VIEWPORT, waitForInteractiveCanvas } from "./canvas";
import { dragInCircles, emptyPanePoint, visibleNodePoint, type FrameRate } from "./frame-rate";
import { kilobytes, measureScripts, type ScriptSizes } from "./script-sizes";
import { type Account, seedBuilderData } from "./seed-builder-data";

const NODES = 300;
const EDGES = 400;
const NAVIGATIONS = 3;
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

  // The first visit (not timed) lets the server load the route; it is the one whose scripts are counted.
  const firstPage = await freshPage(browser, admin);
  const builderScripts = await measureScripts(firstPage, () => openBuilder(firstPage, builderPath));
  await firstPage.context().close();

  const times: number[] = [];
  for (let i = 0; i < NAVIGATIONS; i++) {
    const page = await freshPage(browser, admin);
    const started = performance.now();
    await openBuilder(page, builderPath);
    times.push(performance.now() - started);
    await page.context().close();
  }

  const page = await freshPage(browser, admin);
  await openBuilder(page, builderPath);
  await page.waitForLoadState("networkidle");
  await page.locator(CANVAS).scrollIntoViewIfNeeded();
  const panning = await dragInCircles(
    page,
    await emptyPanePoint(page, CANVAS, PANE),
    GESTURE_MS,
    `${CANVAS} ${VIEWPORT}`,
  );
  const node = await visibleNodePoint(page, CANVAS, NODE);
  const dragging = await dragInCircles(
    page,
    node,
    GESTURE_MS,
    `${CANVAS} ${NODE}[data-id="${node.id}"]`,
  );
  await page.context().close();

  const sorted = [...times].sort((a, b) => a - b);
  const ms = (value: number) => `${Math.round(value)} ms`;
  const fps = (rate: FrameRate) =>
    `${rate.framesPerSecond.toFixed(1)} fps (worst gap ${ms(rate.worstGapMs)}, ${rate.updates} canvas updates)`;
  const scripts = (sizes: ScriptSizes) =>
    `${kilobytes(sizes.gzipBytes)} (${sizes.files} files, ${kilobytes(sizes.rawBytes)} raw)`;
  console.log(
    `builder: ${NODES} nodes / ${EDGES} edges — next start, headless Chromium ${VIEWPORT_SIZE.width}×${VIEWPORT_SIZE.height}, ${os.cpus().length} cores`,
  );
  console.log(
    `  navigation → interactive canvas: median ${ms(sorted[Math.floor(sorted.length / 2)]!)} (${times.map(ms).join(", ")}), fresh browser context each`,
  );
  console.log(`  panning ${GESTURE_MS / 1000} s: ${fps(panning)}`);
  console.log(`  dragging a node ${GESTURE_MS / 1000} s: ${fps(dragging)}`);
  console.log(
    `  JS, gzip -9 per file: /account ${scripts(accountScripts)}; builder ${scripts(builderScripts)}`,
  );
}

async function open(page: Page, target: string) {
  await page.goto(target, { waitUntil: "commit" });
  if (new URL(page.url()).pathname !== target) throw new Error(`${target} led to ${page.url()}`);
}

async function openBuilder(page: Page, target: string) {
  await open(page, target);
  await waitForInteractiveCanvas(page, NODES);
}

type SignedIn = Awaited<ReturnType<BrowserContext["storageState"]>>;

async function freshPage(browser: Browser, storageState: SignedIn): Promise<Page> {
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
