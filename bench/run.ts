/**
 * `npm run bench`: every benchmark in turn, each printing its figures. Those that need a Postgres server (payments,
 * executor, scenario runs, before-events tick) run only when DATABASE_URL is set; the payments bench also needs a
 * production build (`npm run build`). The scenario-runs bench takes minutes at its default 10,000 users.
 */
import { execFileSync } from "node:child_process";

const tsx = ["tsx", "--conditions=react-server"];
const run = (file: string) => execFileSync("npx", [...tsx, file], { stdio: "inherit" });

run("bench/dev-start.ts");
if (process.env.DATABASE_URL) {
  run("bench/payments-throughput.ts");
  run("bench/executor.ts");
  run("bench/scenario-runs.ts");
  run("bench/before-events-tick.ts");
} else {
  console.log(
    "Skipped bench/payments-throughput.ts, bench/executor.ts, bench/scenario-runs.ts and bench/before-events-tick.ts: set DATABASE_URL to a Postgres server.",
  );
}
