/**
 * `npm run bench`: every benchmark in turn, each printing its figures. Those that need a Postgres server (payments,
 * executor) run only when DATABASE_URL is set; the payments bench also needs a production build (`npm run build`).
 */
import { execFileSync } from "node:child_process";

const tsx = ["tsx", "--conditions=react-server"];
const run = (file: string) => execFileSync("npx", [...tsx, file], { stdio: "inherit" });

run("bench/dev-start.ts");
if (process.env.DATABASE_URL) {
  run("bench/payments-throughput.ts");
  run("bench/executor.ts");
} else {
  console.log("Skipped bench/payments-throughput.ts and bench/executor.ts: set DATABASE_URL to a Postgres server.");
}
