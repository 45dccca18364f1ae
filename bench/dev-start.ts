/**
 * Cold start of `npm run dev` on a fresh embedded database: from spawning the command to the first 200 at `/`
 * (or --path).
 * Uses a temporary PGLITE_DIR and a free port, and removes `.next/dev` first (pass --warm to keep it), so the
 * figure includes migrating, seeding the demo data and compiling the first page.
 * Run it from a checkout that is not serving `next dev` already: `npm run bench:dev-start`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { freePort, startProcess, stopProcess, waitFor200 } from "./support/processes";

const { values } = parseArgs({
  options: { warm: { type: "boolean", default: false }, path: { type: "string", default: "/" } },
});
const pgliteDir = mkdtempSync(path.join(os.tmpdir(), "subflow-bench-pglite-"));
const port = await freePort();
const executorPort = await freePort();
if (!values.warm) rmSync(path.resolve(".next/dev"), { recursive: true, force: true });

const env: NodeJS.ProcessEnv = {
  ...process.env,
  PGLITE_DIR: pgliteDir,
  PORT: String(port),
  INNGEST_LOCAL_PORT: String(executorPort), // the dev server's in-process executor must not collide with another one
  NEXT_TELEMETRY_DISABLED: "1",
};
delete env.DATABASE_URL;

const marks: Record<string, number> = {};
const started = performance.now();
const child = startProcess("npm", ["run", "dev", "--", "--port", String(port)], env, "[dev]");
const watch = (chunk: Buffer) => {
  const text = chunk.toString();
  if (marks.database === undefined && /Demo data:/.test(text)) marks.database = performance.now();
  if (marks.ready === undefined && /Ready in/.test(text)) marks.ready = performance.now();
};
child.stdout?.on("data", watch);
child.stderr?.on("data", watch);

const seconds = (at: number | undefined) =>
  at === undefined ? "n/a" : `${((at - started) / 1000).toFixed(1)} s`;
try {
  const firstPage = await waitFor200(`http://127.0.0.1:${port}${values.path}`, child, 300_000);
  console.log(
    `npm run dev, ${values.warm ? "warm .next/dev" : "cold"} start, fresh embedded database (${os.cpus().length} cores)`,
  );
  console.log(`  database migrated and seeded: ${seconds(marks.database)}`);
  console.log(`  next dev ready:               ${seconds(marks.ready)}`);
  console.log(`  first 200 at ${values.path.padEnd(16)} ${seconds(firstPage)}`);
} finally {
  await stopProcess(child);
  rmSync(pgliteDir, { recursive: true, force: true });
}
