import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineOperation } from "@/lib/api/define-operation";
import { buildOpenApiDocument } from "@/lib/api/openapi";

describe("defineOperation", () => {
  it("adds the shared authentication and body error codes to the route's own", () => {
    const operation = defineOperation({
      operationId: "x",
      summary: "X",
      tags: ["T"],
      auth: { token: "api", scope: "users:write" },
      body: z.object({ a: z.string() }),
      responses: { "201": { description: "Created." } },
      errors: { 400: ["thing_not_found"], 409: ["thing_exists"] },
    });
    expect(operation.security).toEqual([{ apiToken: ["users:write"] }]);
    const responses = operation.responses as Record<string, { description: string }>;
    expect(Object.keys(responses).sort()).toEqual([
      "201",
      "400",
      "401",
      "403",
      "409",
      "413",
      "415",
    ]);
    expect(responses["400"]!.description).toContain("`invalid_json`");
    expect(responses["413"]!.description).toContain("`body_too_large`");
    expect(responses["415"]!.description).toContain("`unsupported_media_type`");
    expect(responses["400"]!.description).toContain("`thing_not_found`");
    expect(responses["403"]!.description).toContain("`insufficient_scope`");
  });

  it("gives public operations no security and no 401/403", () => {
    const operation = defineOperation({
      operationId: "y",
      summary: "Y",
      tags: ["T"],
      auth: { token: "none" },
      responses: { "200": { description: "OK" } },
    });
    expect(operation.security).toEqual([]);
    expect(Object.keys(operation.responses as object)).toEqual(["200"]);
  });
});

describe("buildOpenApiDocument", () => {
  it("is deterministic and renders timestamps as date-time without zod's regex", () => {
    const doc = buildOpenApiDocument();
    expect(JSON.stringify(buildOpenApiDocument())).toBe(JSON.stringify(doc));
    const json = JSON.stringify(doc);
    expect(json).toContain('"format":"date-time"');
    expect(json).not.toContain("[13579][26]");
  });
});
