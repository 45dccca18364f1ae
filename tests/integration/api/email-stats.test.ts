import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as templateStatsRoute } from "@/app/api/v1/email-templates/[id]/stats/route";
import { GET as scenarioEmailStatsRoute } from "@/app/api/v1/scenarios/[id]/email-stats/route";
import {
  emailTemplateStatsResponseSchema,
  scenarioEmailStatsResponseSchema,
} from "@/lib/api/operations/email-stats";
import { saveEmailTemplate } from "@/lib/email/save-email-template";
import { sendEmail } from "@/lib/email/send-email";
import type { EmailTransport } from "@/lib/email/transport";
import { createScenario } from "@/lib/scenarios/admin/create-scenario";
import { openTestDatabase } from "../../support/test-database";
import {
  call,
  createTokens,
  type Handler,
  itRefusesBadRequests,
  type Tokens,
  withParams,
} from "./api-test-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let scenarioTokens: Tokens;
let templateTokens: Tokens;
let scenarioId = 0;
let templateId = 0;
const db = () => database.db;

const transport: EmailTransport = {
  name: "test",
  send: async () => ({ messageId: "<1@test>" }),
};

beforeAll(async () => {
  database = await openTestDatabase();
  scenarioTokens = await createTokens(db(), "scenarios");
  templateTokens = await createTokens(db(), "automation:read");
  scenarioId = (await createScenario(db(), { name: "Stats" })).id;
  templateId = (
    await saveEmailTemplate(db(), {
      code: "stats-mail",
      name: "Stats mail",
      subject: "S",
      bodyHtml: "<p>S</p>",
      bodyText: "S",
    })
  ).id;
  // Two emails of node `mail`, one of them tracked; one email of the template outside the scenario.
  for (const [key, track, scenario] of [
    ["a", true, { scenarioId, nodeId: "mail" }],
    ["b", false, { scenarioId, nodeId: "mail" }],
    ["c", false, undefined],
  ] as const) {
    await sendEmail(
      db(),
      {
        idempotencyKey: `email-stats-${key}`,
        to: `${key}@example.com`,
        templateCode: "stats-mail",
        subject: "S",
        html: '<a href="https://example.com">x</a>',
        text: "S",
        track,
        scenario,
      },
      { transport },
    );
  }
});
afterAll(() => database.close());

const emptySkips = { unsubscribed: 0, suppressed: 0, frequency_cap: 0, quiet_hours: 0 };
const zeros = {
  failed: 0,
  delivered: 0,
  opened: 0,
  clicked: 0,
  unsubscribed: 0,
  bounced: 0,
  complained: 0,
};

describe("GET /api/v1/scenarios/:id/email-stats", () => {
  const get = (id: number | string, query?: Record<string, string>) =>
    call(withParams(scenarioEmailStatsRoute, { id }), "GET", `/scenarios/${id}/email-stats`, {
      token: scenarioTokens.api,
      query,
    });

  it("counts each email node's emails", async () => {
    const result = await get(scenarioId);
    expect(result.status).toBe(200);
    expect(scenarioEmailStatsResponseSchema.parse(result.json)).toEqual(result.json);
    expect(result.json).toEqual({
      nodes: {
        mail: { sent: 2, tracked: 1, skipped: { total: 0, by_reason: emptySkips }, ...zeros },
      },
    });
    expect((await get(scenarioId, { since: "2999-01-01T00:00:00Z" })).json).toEqual({ nodes: {} });
  });

  it("answers 404 for an unknown scenario and 400 for a bad `since`", async () => {
    for (const id of [999_999, "abc"]) {
      expect(await get(id)).toMatchObject({ status: 404, json: { error: "scenario_not_found" } });
    }
    expect(await get(scenarioId, { since: "yesterday" })).toMatchObject({
      status: 400,
      json: { error: "validation_error" },
    });
  });

  itRefusesBadRequests({
    db,
    tokens: () => scenarioTokens,
    handler: withParams(scenarioEmailStatsRoute, () => ({ id: scenarioId })) as Handler,
    method: "GET",
    path: "/scenarios/1/email-stats",
    auth: "api",
  });
});

describe("GET /api/v1/email-templates/:id/stats", () => {
  const get = (id: number | string) =>
    call(withParams(templateStatsRoute, { id }), "GET", `/email-templates/${id}/stats`, {
      token: templateTokens.api,
    });

  it("counts the template's emails from every sender", async () => {
    const result = await get(templateId);
    expect(result.status).toBe(200);
    expect(emailTemplateStatsResponseSchema.parse(result.json)).toEqual(result.json);
    expect(result.json).toEqual({
      template: { id: templateId, code: "stats-mail", name: "Stats mail" },
      stats: { sent: 3, tracked: 1, skipped: { total: 0, by_reason: emptySkips }, ...zeros },
    });
  });

  it("answers 404 for an unknown template", async () => {
    for (const id of [999_999, "abc", "0"]) {
      expect(await get(id)).toMatchObject({
        status: 404,
        json: { error: "email_template_not_found" },
      });
    }
  });

  itRefusesBadRequests({
    db,
    tokens: () => templateTokens,
    handler: withParams(templateStatsRoute, () => ({ id: templateId })) as Handler,
    method: "GET",
    path: "/email-templates/1/stats",
    auth: "api",
  });
});
