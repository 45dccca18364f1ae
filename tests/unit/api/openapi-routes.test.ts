import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { API_SCOPE_NAMES } from "@/lib/api-tokens/api-scopes";
import { call } from "../../support/call-route";

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const V1_DIR = path.resolve("app/api/v1");

/** Every route.ts under app/api/v1 with the HTTP methods it exports, as OpenAPI paths ("/users/login"). */
async function discoverRoutes(): Promise<{ path: string; method: string }[]> {
  const files = (readdirSync(V1_DIR, { recursive: true }) as string[]).filter(
    (f) => path.basename(f) === "route.ts",
  );
  const routes: { path: string; method: string }[] = [];
  for (const file of files) {
    const exported = (await import(path.join(V1_DIR, file))) as Record<string, unknown>;
    const routePath = `/${path.dirname(file).split(path.sep).join("/")}`.replace(
      /\[(\w+)\]/g,
      "{$1}",
    );
    for (const method of HTTP_METHODS)
      if (typeof exported[method] === "function") routes.push({ path: routePath, method });
  }
  return routes;
}

function collectRefs(value: unknown, refs: Set<string>): void {
  if (Array.isArray(value)) value.forEach((item) => collectRefs(item, refs));
  else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (key === "$ref" && typeof child === "string") refs.add(child);
      else collectRefs(child, refs);
    }
  }
}

describe("GET /api/v1/openapi.json", () => {
  it("serves an OpenAPI 3.1 document without a token", async () => {
    const result = await call(openApiRoute, "GET", "/openapi.json");
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toContain("application/json");
    expect(result.json.openapi).toBe("3.1.0");
    expect(result.json.info).toMatchObject({ title: "Subflow API", version: expect.any(String) });
    expect(result.json.servers).toEqual([{ url: "/api/v1" }]);
  });

  it("documents every exported route handler under app/api/v1", async () => {
    const { json: doc } = await call(openApiRoute, "GET", "/openapi.json");
    const routes = await discoverRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(9);
    for (const route of routes) {
      expect(
        doc.paths[route.path]?.[route.method.toLowerCase()],
        `${route.method} ${route.path}`,
      ).toBeDefined();
    }
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(documented.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
  });

  it("gives every operation an id, a success response and coded error responses", async () => {
    const { json: doc } = await call(openApiRoute, "GET", "/openapi.json");
    const ids = new Set<string>();
    for (const [p, item] of Object.entries(
      doc.paths as Record<string, Record<string, Record<string, unknown>>>,
    )) {
      for (const [method, operation] of Object.entries(item)) {
        const label = `${method} ${p}`;
        expect(typeof operation.operationId, label).toBe("string");
        ids.add(operation.operationId as string);
        const responses = operation.responses as Record<
          string,
          { content?: Record<string, { schema: unknown }> }
        >;
        expect(
          Object.keys(responses).some((status) => status.startsWith("2")),
          label,
        ).toBe(true);
        for (const [status, response] of Object.entries(responses)) {
          if (Number(status) >= 400) {
            expect(response.content?.["application/json"]?.schema, `${label} ${status}`).toEqual({
              $ref: "#/components/schemas/Error",
            });
          }
        }
        if (operation.requestBody) {
          expect(Object.keys(responses), label).toEqual(
            expect.arrayContaining(["400", "413", "415"]),
          );
        }
        // Routes that need no token (security: []) have no 401/403 to document.
        if (Array.isArray(operation.security) && operation.security.length === 0) continue;
        expect(Object.keys(responses), label).toEqual(expect.arrayContaining(["401", "403"]));
      }
    }
    expect(ids.size).toBe(documented(doc));
  });

  it("declares the bearer security schemes with the API scopes", async () => {
    const { json: doc } = await call(openApiRoute, "GET", "/openapi.json");
    expect(doc.components.securitySchemes.apiToken).toMatchObject({
      type: "http",
      scheme: "bearer",
    });
    expect(doc.components.securitySchemes.userToken).toMatchObject({
      type: "http",
      scheme: "bearer",
    });
    expect(doc.paths["/payments"].post.security).toEqual([{ apiToken: ["payments:write"] }]);
    expect(doc.paths["/users/me"].get.security).toEqual([{ userToken: [] }]);
    expect(doc.paths["/users/login"].post.security).toEqual([]);
    const usedScopes = new Set<string>();
    for (const item of Object.values(
      doc.paths as Record<string, Record<string, { security?: Record<string, string[]>[] }>>,
    )) {
      for (const operation of Object.values(item))
        for (const s of operation.security ?? []) s.apiToken?.forEach((x) => usedScopes.add(x));
    }
    for (const scope of usedScopes) expect(API_SCOPE_NAMES).toContain(scope);
  });

  it("resolves every $ref to a component, with snake_case request fields", async () => {
    const { json: doc } = await call(openApiRoute, "GET", "/openapi.json");
    const refs = new Set<string>();
    collectRefs(doc, refs);
    expect(refs.size).toBeGreaterThan(5);
    for (const ref of refs) {
      const name = ref.replace("#/components/schemas/", "");
      expect(doc.components.schemas[name], ref).toBeDefined();
    }
    const payment = doc.components.schemas.CreatePaymentRequest;
    expect(Object.keys(payment.properties)).toEqual([
      "user_id",
      "items",
      "status",
      "paid_at",
      "recurrent",
      "gateway",
    ]);
    expect(payment.properties.paid_at).toMatchObject({ type: "string", format: "date-time" });
    expect(doc.components.schemas.Payment.properties.amount_cents.type).toBe("integer");
  });
});

function documented(doc: { paths: Record<string, Record<string, unknown>> }): number {
  return Object.values(doc.paths).reduce((sum, item) => sum + Object.keys(item).length, 0);
}
