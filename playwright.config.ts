import { defineConfig } from "@playwright/test";

/*
 * Browser tests run against a production build (`next build` + `next start`) with the local Inngest executor inside
 * the server, and the Inngest SDK in production mode (signing key set: every call to /api/inngest is signed). With
 * DATABASE_URL set (CI) they use that Postgres database; otherwise a fresh embedded PGlite.
 * Each test creates the data it needs, so tests run in parallel: through the API (tests/e2e/fixtures.ts), or, for
 * customers whose state only time makes, before the app starts (tests/e2e/support/story-customers.ts).
 */
// One id per run, for the server's start command and the workers (they inherit the environment): the emails of the
// customers created before the app starts.
process.env.E2E_RUN_ID ??= Date.now().toString(36);

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
const pgliteDir = ".data/e2e-pglite";

const prepare = process.env.DATABASE_URL ? "" : `rm -rf ${pgliteDir} && `;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  projects: [
    { name: "default", testIgnore: /\.clock\.spec\.ts$/ },
    // Tests that move the server's dev clock run last, alone: the others assume "now" is now.
    { name: "clock", testMatch: /\.clock\.spec\.ts$/, dependencies: ["default"] },
  ],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-dev-shm-usage",
      ],
    },
  },
  webServer: {
    command: [
      `${prepare}npx tsx --conditions=react-server scripts/prepare-database.ts`,
      "npx tsx --conditions=react-server tests/e2e/support/create-story-customers.ts",
      "npm run build",
      `npm run start -- -p ${PORT}`,
    ].join(" && "),
    url: `${baseURL}/login`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      ...(process.env.DATABASE_URL
        ? { DATABASE_URL: process.env.DATABASE_URL }
        : { PGLITE_DIR: pgliteDir }),
      NEXTAUTH_SECRET:
        process.env.NEXTAUTH_SECRET ?? "e2e-only-secret-0123456789abcdef0123456789abcdef",
      NEXTAUTH_URL: baseURL,
      SUBFLOW_LOCAL_EXECUTOR: "1",
      // The SDK in production mode, as deployed: it refuses calls not signed with this key, which the local executor
      // signs with (and checks the answers' signatures); events go to the executor at this event key.
      INNGEST_SIGNING_KEY:
        process.env.E2E_INNGEST_SIGNING_KEY ?? `signkey-test-${"e2e0".repeat(16)}`,
      INNGEST_EVENT_KEY: process.env.E2E_INNGEST_EVENT_KEY ?? "e2e-only-event-key",
      INNGEST_LOCAL_PORT: process.env.E2E_INNGEST_PORT ?? "8299",
      INNGEST_APP_URL: `http://127.0.0.1:${PORT}/api/inngest`,
      NEXT_TELEMETRY_DISABLED: "1",
      E2E_RUN_ID: process.env.E2E_RUN_ID,
    },
  },
});
