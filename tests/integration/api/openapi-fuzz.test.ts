import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { openTestDatabase } from "../../support/test-database";
import { countRows } from "./api-test-kit";
import { SchemaWalker } from "./openapi-fuzz-cases";
import { type FuzzSeed, handlerOf, seedFuzzData } from "./openapi-fuzz-seed";
import { BAD_PATH_IDS, badQueryValues, type JsonSchema, seededRandom } from "./openapi-fuzz-values";

/*
 * Every operation of the OpenAPI document, sent bad requests in-process: no token, an unknown token, the wrong kind
 * of token, invalid JSON, a body not declared as JSON, deep nesting, and — derived from the request schema — each
 * property of the wrong type, out of range, or a string just under 1 MB, each required property missing, an extra
 * property; path ids that name nothing, bad header and query values. Each answer is below 500 and, when 4xx,
 * `{ error, message }`; the refused ones change no row. Values the schema allows at its bounds (2^31 in an id, a
 * string of the maximum length) go last, and must only never be a 5xx.
 */

interface Operation {
  security?: Record<string, string[]>[];
  parameters?: { in: "path" | "query" | "header"; name: string; schema: JsonSchema }[];
  requestBody?: { content: { "application/json": { schema: JsonSchema } } };
}

const doc = openApiDocument() as unknown as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
};
const operations = Object.entries(doc.paths).flatMap(([route, item]) =>
  Object.entries(item).map(([method, operation]) => [
    `${method.toUpperCase()} ${route}`,
    { route, method: method.toUpperCase(), operation },
  ]),
) as [string, { route: string; method: string; operation: Operation }][];

const referralProgramBody = () => ({
  name: "Fuzz program",
  triggers: [{ type: "sign_up", options: {} }],
  reward: { type: "free_days", options: { days: 30, subscription_type_code: "web_monthly" } },
});
/** Base bodies the schema alone does not describe: at least one field to change, registered trigger types. */
const BASE_BODIES: Record<string, () => unknown> = {
  "PATCH /users/me": () => ({ name: "Fuzz" }),
  "POST /referral-programs": referralProgramBody,
  "PUT /referral-programs/{id}": referralProgramBody,
};

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
let seed: FuzzSeed;
let walker: SchemaWalker;
let requestsSent = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  seed = await seedFuzzData(db());
  // The row counts the fuzzing compares do see the seeds (a count that read nothing would pass every check).
  expect(await countRows(db())).toMatchObject({
    banners: 1,
    user_banners: 1,
    referrals: 1,
    payments: 1,
  });
  // Base bodies name the seeded rows, so a request with one defect gets as far as that defect lets it.
  walker = new SchemaWalker(doc.components.schemas, seededRandom(18), {
    user_id: seed.userId,
    subscription_type_code: "web_monthly",
    master_subscription_type_code: "web_monthly",
    subscription_type_codes: ["web_monthly"],
    content_access: ["web"],
    require_content: ["web"],
    goal_code: "fuzz_goal",
    email: "fuzz-friend@example.test",
  });
});

afterAll(async () => {
  console.log(`openapi-fuzz: ${requestsSent} requests to ${operations.length} operations`);
  await database.close();
});

/** Existing rows for the path parameters of a route. */
function validParams(route: string): Record<string, string> {
  const { pathIds, userId } = seed;
  const prefix = Object.keys(pathIds)
    .filter((candidate) => route.startsWith(`${candidate}/`))
    .sort((a, b) => b.length - a.length)[0];
  const id = prefix ? pathIds[prefix]! : 1;
  return { id: String(id), number: "1", runId: "1", userId: String(userId) };
}

interface BadRequest {
  label: string;
  /** undefined: the operation's own token; null: none. */
  token?: string | null;
  params?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
  /** undefined: application/json; null: no content-type at all. */
  contentType?: string | null;
}

describe.each(operations)("%s", (_, { route, method, operation }) => {
  const bodySchema = operation.requestBody?.content["application/json"].schema;
  const security = operation.security ?? [];
  const takesApi = security.some((entry) => "apiToken" in entry);
  const takesUser = security.some((entry) => "userToken" in entry);
  const parameters = operation.parameters ?? [];

  it("refuses bad requests with a 4xx { error, message } and changes nothing; never answers 5xx", async () => {
    const handler = await handlerOf(route, method);
    const { apiToken, userToken } = seed;
    const token = takesApi ? apiToken : userToken;
    const cases = bodySchema
      ? walker.bodyCases(bodySchema, BASE_BODIES[`${method} ${route}`]?.())
      : null;
    const baseBody = cases ? JSON.stringify(cases.base) : undefined;
    const problems: string[] = [];

    /** Sends one request; a 5xx, a 4xx that is not `{ error, message }`, or another status than expected is noted. */
    const send = async (request: BadRequest, expected?: { status: number; error?: string }) => {
      const params = { ...validParams(route), ...request.params };
      const filled = route.replace(/\{(\w+)\}/g, (_, name: string) =>
        encodeURIComponent(params[name]!),
      );
      const url = new URL(`http://localhost/api/v1${filled}`);
      for (const [key, value] of Object.entries(request.query ?? {}))
        url.searchParams.set(key, value);
      const headers = new Headers(request.headers);
      const auth = request.token === undefined ? token : request.token;
      if (auth && security.length) headers.set("authorization", `Bearer ${auth}`);
      const contentType =
        request.contentType === undefined ? "application/json" : request.contentType;
      if (request.body !== undefined && contentType) headers.set("content-type", contentType);
      // A Blob without a type is sent without a content-type (a string would be labelled text/plain).
      const body =
        request.body !== undefined && contentType === null
          ? new Blob([request.body])
          : request.body;
      requestsSent++;
      const response = await handler(new NextRequest(url, { method, headers, body }), {
        params: Promise.resolve(params),
      });
      const text = await response.text();
      const what = `${request.label} → ${response.status} ${text.slice(0, 300)}`;
      if (response.status >= 500) return problems.push(what);
      if (response.status >= 400) {
        const json = parseJson(text) as { error?: unknown; message?: unknown } | undefined;
        if (typeof json?.error !== "string" || typeof json.message !== "string")
          return problems.push(`${what} (not { error, message })`);
      }
      if (expected && response.status !== expected.status)
        return problems.push(`${what} (expected ${expected.status})`);
      if (expected?.error && !text.includes(`"error":"${expected.error}"`))
        problems.push(`${what} (expected ${expected.error})`);
    };

    const countsBefore = await countRows(db());
    if (security.length) {
      const body = baseBody;
      await send(
        { label: "no token", token: null, body },
        { status: 401, error: "unauthenticated" },
      );
      await send(
        { label: "an unknown token", token: "sf_api_not-a-real-token", body },
        { status: 401, error: "invalid_token" },
      );
      if (!takesApi) await send({ label: "an API token", token: apiToken, body }, { status: 403 });
      if (!takesUser)
        await send({ label: "a user token", token: userToken, body }, { status: 403 });
    }
    if (cases) {
      await send({ label: "invalid JSON", body: '{"a":' }, { status: 400, error: "invalid_json" });
      await send(
        { label: "nesting 100 deep", body: `{"a":${"[".repeat(100)}${"]".repeat(100)}}` },
        { status: 400, error: "invalid_body" },
      );
      for (const contentType of [
        "text/plain;charset=UTF-8",
        "application/x-www-form-urlencoded",
        "application/json; charset=latin1",
        null,
      ]) {
        await send(
          { label: `content-type ${contentType}`, body: baseBody, contentType },
          { status: 415, error: "unsupported_media_type" },
        );
      }
      for (const bad of cases.refused)
        await send({ label: bad.name, body: JSON.stringify(bad.body) }, { status: 400 });
    }
    for (const { name } of parameters.filter((p) => p.in === "path")) {
      for (const value of BAD_PATH_IDS) {
        const label = `path ${name}=${JSON.stringify(value)}`;
        await send({ label, params: { [name]: value }, body: baseBody }, { status: 404 });
      }
    }
    for (const { name } of parameters.filter((p) => p.in === "header")) {
      for (const value of [" ", "a b", "x".repeat(300), "é"]) {
        const label = `header ${name}=${JSON.stringify(value.slice(0, 20))}`;
        await send({ label, headers: { [name]: value }, body: baseBody }, { status: 400 });
      }
    }
    if (method === "GET") {
      await send({ label: "an unknown query parameter", query: { zz_unexpected: "1" } });
      for (const { name, schema } of parameters.filter((p) => p.in === "query")) {
        for (const value of badQueryValues(schema)) {
          const label = `query ${name}=${JSON.stringify(value.slice(0, 20))}`;
          await send({ label, query: { [name]: value } });
        }
      }
    }
    const countsAfter = await countRows(db());
    const changed = Object.keys(countsBefore).filter((t) => countsBefore[t] !== countsAfter[t]);
    if (changed.length) problems.push(`refused requests changed the rows of ${changed.join(", ")}`);

    // Values the schema allows at its bounds: the route may take them, but never with a 5xx.
    for (const edge of cases?.edges ?? [])
      await send({ label: edge.name, body: JSON.stringify(edge.body) });
    expect(problems).toEqual([]);
  });
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
