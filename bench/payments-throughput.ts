/**
 * Throughput of `POST /api/v1/payments` (status "paid") on real Postgres, through the production build.
 * Creates its own database on the DATABASE_URL server (dropped at the end), migrates it, adds the demo catalog and a
 * pool of users, creates an API token, starts `next start` on a free port, then sends the requests with one client
 * and with --concurrency clients. Needs `npm run build` first (or pass --build).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:payments -- --requests 500
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { connect } from "@/lib/db/connect";
import { migrateDatabase } from "@/lib/db/migrate";
import { payments } from "@/lib/db/schema";
import { createUser } from "@/lib/users/create-user";
import { seedDemoCatalog } from "@/scripts/seed/demo-catalog";
import { benchServer } from "./support/bench-database";
import { formatSummary, summarize } from "./support/latency";
import { freePort, startProcess, stopProcess, waitFor200 } from "./support/processes";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "400" },
    concurrency: { type: "string", default: "20" },
    users: { type: "string", default: "200" },
    build: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);
const userCount = Number(values.users);

const benchDatabase = benchServer();
if (!existsSync(".next/BUILD_ID")) {
  if (!values.build) {
    console.error("No production build: run `npm run build` first, or pass --build.");
    process.exit(1);
  }
  execFileSync("npx", ["next", "build"], { stdio: "inherit" });
}

const databaseUrl = benchDatabase.url;
await benchDatabase.create();
const connection = await connect(databaseUrl);
let server: ReturnType<typeof startProcess> | undefined;
try {
  await migrateDatabase(connection);
  await seedDemoCatalog(connection.db);
  const userIds: number[] = [];
  for (let i = 0; i < userCount; i++) {
    userIds.push(
      (await createUser(connection.db, { email: `bench-${i}@example.com`, name: `Bench ${i}` })).id,
    );
  }
  const { token } = await createApiToken(connection.db, {
    name: "payments bench",
    scopes: ["payments:write"],
  });

  const port = await freePort();
  server = startProcess(
    "npx",
    ["next", "start", "--port", String(port)],
    {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NODE_ENV: "production",
    },
    "[next]",
  );
  const base = `http://127.0.0.1:${port}`;
  await waitFor200(`${base}/api/v1/openapi.json`, server, 120_000);

  let sent = 0;
  async function pay(): Promise<number> {
    const userId = userIds[sent++ % userIds.length];
    const startedAt = performance.now();
    const response = await fetch(`${base}/api/v1/payments`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        user_id: userId,
        items: [{ subscription_type_code: "web_monthly" }],
        status: "paid",
      }),
    });
    const body = await response.text();
    if (response.status !== 201)
      throw new Error(`POST /api/v1/payments answered ${response.status}: ${body.slice(0, 300)}`);
    return performance.now() - startedAt;
  }
  async function run(total: number, clients: number) {
    const latencies: number[] = [];
    let remaining = total;
    const startedAt = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (remaining > 0) {
          remaining--;
          latencies.push(await pay());
        }
      }),
    );
    return summarize(latencies, performance.now() - startedAt);
  }

  await run(Math.min(50, requests), 4); // warm-up: route compiled into memory, pools filled
  const single = await run(requests, 1);
  const parallel = await run(requests, concurrency);
  const [paid] = await connection.db
    .select({ n: sql<number>`count(*)::int` })
    .from(payments)
    .where(eq(payments.status, "paid"));

  console.log(
    `POST /api/v1/payments (status "paid"), next start, node-postgres on ${new URL(databaseUrl).host}`,
  );
  console.log(formatSummary("1 client", single));
  console.log(formatSummary(`${concurrency} concurrent clients`, parallel));
  console.log(
    `paid payments in the database: ${paid?.n} (expected ${Math.min(50, requests) + 2 * requests})`,
  );
} finally {
  if (server) await stopProcess(server);
  await connection.close();
  if (!values.keep) await benchDatabase.drop();
}
