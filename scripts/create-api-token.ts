/**
 * `npm run tokens:create -- --name <name> --scopes <scope,scope>`: create an API token and print it once (only its
 * hash is stored).
 */
import { parseArgs } from "node:util";
import { API_SCOPE_NAMES, type ApiScope } from "@/lib/api-tokens/api-scopes";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { connect } from "@/lib/db/connect";
import { describeDatabase } from "./support/describe-database";

const USAGE = `Usage: npm run tokens:create -- --name <name> --scopes <scope,scope>\nScopes: ${API_SCOPE_NAMES.join(", ")}`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(1);
}

function parseOptions(): { name: string; scopes: ApiScope[] } {
  let values: { name?: string; scopes?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        name: { type: "string" },
        scopes: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const name = values.name?.trim();
  if (!name) fail("Missing --name.");
  const scopes = (values.scopes ?? "")
    .split(",")
    .map((scope) => scope.trim())
    .filter(Boolean);
  if (scopes.length === 0) fail("Missing --scopes.");
  const unknown = scopes.filter((scope) => !(API_SCOPE_NAMES as readonly string[]).includes(scope));
  if (unknown.length > 0)
    fail(`Unknown scope${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.`);
  return { name, scopes: scopes as ApiScope[] };
}

const options = parseOptions();
const connection = await connect();
try {
  const { token, record } = await createApiToken(connection.db, options);
  console.error(`Database: ${describeDatabase()}`);
  console.error(
    `Created API token #${record.id} "${record.name}" with scopes ${record.scopes.join(", ")}.`,
  );
  console.error("Copy it now: it is stored hashed and cannot be shown again.");
  console.log(token);
} finally {
  await connection.close();
}
