import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, freezeClock, MINUTE_MS, now } from "@/lib/clock";
import { emailLog, users } from "@/lib/db/schema";
import type { EmailDeliverySettings } from "@/lib/email/consent/delivery-settings";
import { saveEmailTemplate } from "@/lib/email/save-email-template";
import { getScenarioStats } from "@/lib/scenarios/stats/get-scenario-stats";
import { setSetting } from "@/lib/settings";
import { startLocalInngest } from "../../support/local-inngest";
import { openTestDatabase } from "../../support/test-database";
import {
  customer,
  e,
  emailsTo,
  enabledScenario,
  fire,
  n,
  on,
  pathOf,
  runsOf,
  setStatus,
  stepsOf,
} from "./scenario-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let inngest: Awaited<ReturnType<typeof startLocalInngest>>;
const db = () => database.db;
const HOUR_MS = 60 * MINUTE_MS;
/** Answers for steps whose id contains this are lost once on their way back (the app did the work, the executor never heard). */
const loseAnswerOnce = new Set<string>();

const QUIET_NIGHT: EmailDeliverySettings = {
  frequency_cap: { per_day: null, per_week: null },
  quiet_hours: { start: "21:00", end: "08:00" },
};

beforeAll(async () => {
  delete process.env.SMTP_URL;
  database = await openTestDatabase();
  // 13:00 UTC is 22:00 in Tokyo (UTC+9, no daylight saving): inside 21:00–08:00 there.
  freezeClock(new Date("2026-09-01T13:00:00Z"));
  inngest = await startLocalInngest(database.db, {
    intercept: async (response) => {
      if (response.status !== 206 || loseAnswerOnce.size === 0) return response;
      const body = await response.clone().text();
      for (const marker of loseAnswerOnce) {
        if (body.includes(marker)) {
          loseAnswerOnce.delete(marker);
          return new Response("connection lost", { status: 500 });
        }
      }
      return response;
    },
    refuseCheckpoint: (body) => [...loseAnswerOnce].some((marker) => body.includes(marker)),
  });
  await inngest.executor.drain();
  // Marketing templates (topic "news") are under the policy; "receipt" is transactional (the account topic).
  for (const code of ["promo", "promo2", "promo3"])
    await saveEmailTemplate(db(), {
      code,
      name: code,
      subject: `Subject ${code}`,
      bodyHtml: `<p>${code}</p>`,
      bodyText: code,
      topic: "news",
    });
  await saveEmailTemplate(db(), {
    code: "receipt",
    name: "receipt",
    subject: "Receipt",
    bodyHtml: "<p>receipt</p>",
    bodyText: "receipt",
    topic: "account",
  });
});
afterAll(async () => {
  await inngest.stop();
  await database.close();
});

const settle = () => inngest.advance(MINUTE_MS);
const mail = (id: string, template: string, whenLimited?: "skip" | "delay") =>
  n(id, "email", whenLimited ? { template, whenLimited } : { template });

async function tokyoCustomer() {
  const user = await customer(db());
  await db().update(users).set({ timeZone: "Asia/Tokyo" }).where(eq(users.id, user.id));
  return user;
}

/** Move the clock to the next 22:00 in Tokyo (13:00 UTC), inside the quiet hours; returns 08:00 Tokyo after it. */
async function untilTokyoTenPm(): Promise<Date> {
  const start = now().getTime();
  const tenPm = Math.ceil((start - 13 * HOUR_MS) / DAY_MS) * DAY_MS + 13 * HOUR_MS;
  if (tenPm > start) await inngest.advance(tenPm - start);
  return new Date(tenPm + 10 * HOUR_MS);
}

async function logOf(userId: number, template: string) {
  return db()
    .select()
    .from(emailLog)
    .where(and(eq(emailLog.userId, userId), eq(emailLog.templateCode, template)));
}

describe("email nodes under the frequency cap and quiet hours (user in Asia/Tokyo)", () => {
  it("skips an email at 22:00 Tokyo time, logs quiet_hours, and the run goes on", async () => {
    await setSetting(db(), "email.delivery", QUIET_NIGHT);
    const { scenarioId, versionId } = await enabledScenario(db(), {
      nodes: [on("custom.q_skip"), mail("mail", "promo", "skip"), mail("after", "receipt")],
      edges: [e("e1", "t", "out", "mail"), e("e2", "mail", "out", "after")],
    });
    const user = await tokyoCustomer();
    await fire(db(), "custom.q_skip", user.id);
    await settle();

    const [run] = await runsOf(db(), scenarioId);
    expect(run).toMatchObject({ status: "completed" });
    expect(await pathOf(db(), run!.id)).toEqual(["t:out", "mail:skipped", "after:out"]);
    const [skipped] = await logOf(user.id, "promo");
    expect(skipped).toMatchObject({ status: "skipped", skipReason: "quiet_hours", sentAt: null });
    const mailStep = (await stepsOf(db(), run!.id)).find((s) => s.nodeId === "mail");
    expect(mailStep?.facts).toMatchObject({ skip_reason: "quiet_hours", email_id: skipped!.id });
    // The transactional email after it is not under the policy.
    expect(await logOf(user.id, "receipt")).toMatchObject([{ status: "sent" }]);
    // Per-node stats count the visit as skipped.
    const stats = await getScenarioStats(db(), { scenarioId, versionId });
    expect(stats.nodes.mail?.last24h).toEqual({ skipped: 1 });
    expect(stats.edges.e2?.last24h).toBe(1);
  });

  it("delays an email at 22:00 Tokyo time until 08:00 there (23:00 UTC), sending it once", async () => {
    await setSetting(db(), "email.delivery", QUIET_NIGHT);
    const { scenarioId } = await enabledScenario(db(), {
      nodes: [on("custom.q_delay"), mail("mail", "promo", "delay"), mail("after", "receipt")],
      edges: [e("e1", "t", "out", "mail"), e("e2", "mail", "out", "after")],
    });
    const user = await tokyoCustomer();
    await fire(db(), "custom.q_delay", user.id);
    await settle();

    const [waiting] = await runsOf(db(), scenarioId);
    expect(waiting).toMatchObject({ status: "waiting" });
    expect(await pathOf(db(), waiting!.id)).toEqual(["t:out", "mail:…"]);
    const held = (await stepsOf(db(), waiting!.id)).find((s) => s.nodeId === "mail");
    expect(held?.facts).toMatchObject({
      skip_reason: "quiet_hours",
      held_until: "2026-09-01T23:00:00.000Z",
    });
    expect(await emailsTo(db(), user.id)).toEqual([]);

    // The try after the sleep sends the email; its answer is lost once, so the step runs again: still one email.
    loseAnswerOnce.add(`retry 1`);
    const untilJustBefore = new Date("2026-09-01T22:59:00Z").getTime() - now().getTime();
    await inngest.advance(untilJustBefore);
    expect(await emailsTo(db(), user.id)).toEqual([]);
    await inngest.advance(2 * MINUTE_MS);
    await settle();

    const sent = await logOf(user.id, "promo");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ status: "sent", attempts: 1 });
    expect(sent[0]!.sentAt!.getTime()).toBeGreaterThanOrEqual(Date.parse("2026-09-01T23:00:00Z"));
    expect(sent[0]!.sentAt!.getTime()).toBeLessThan(Date.parse("2026-09-01T23:05:00Z"));
    const [run] = await runsOf(db(), scenarioId);
    expect(run).toMatchObject({ status: "completed" });
    expect(await pathOf(db(), run!.id)).toEqual(["t:out", "mail:out", "after:out"]);
    expect(loseAnswerOnce.size).toBe(0);
  });

  it("with a cap of 1 per day: the second email is skipped, the third is delayed until the day has room", async () => {
    await setSetting(db(), "email.delivery", {
      frequency_cap: { per_day: 1, per_week: null },
      quiet_hours: null,
    });
    const { scenarioId } = await enabledScenario(db(), {
      nodes: [
        on("custom.cap"),
        mail("first", "promo"),
        mail("second", "promo2", "skip"),
        mail("third", "promo3", "delay"),
      ],
      edges: [
        e("e1", "t", "out", "first"),
        e("e2", "first", "out", "second"),
        e("e3", "second", "out", "third"),
      ],
    });
    const user = await tokyoCustomer();
    await fire(db(), "custom.cap", user.id);
    await settle();

    const [first] = await logOf(user.id, "promo");
    expect(first).toMatchObject({ status: "sent" });
    expect(await logOf(user.id, "promo2")).toMatchObject([
      { status: "skipped", skipReason: "frequency_cap" },
    ]);
    const [waiting] = await runsOf(db(), scenarioId);
    expect(waiting).toMatchObject({ status: "waiting" });
    const third = (await stepsOf(db(), waiting!.id)).find((s) => s.nodeId === "third");
    expect(third?.facts).toMatchObject({
      skip_reason: "frequency_cap",
      held_until: new Date(first!.sentAt!.getTime() + DAY_MS).toISOString(),
    });

    await inngest.advance(23 * HOUR_MS);
    expect(await logOf(user.id, "promo3")).toEqual([]);
    await inngest.advance(HOUR_MS);
    await settle();
    const [sent] = await logOf(user.id, "promo3");
    expect(sent).toMatchObject({ status: "sent" });
    expect(sent!.sentAt!.getTime()).toBeGreaterThanOrEqual(first!.sentAt!.getTime() + DAY_MS);
    const [run] = await runsOf(db(), scenarioId);
    expect(run).toMatchObject({ status: "completed" });
    expect(await pathOf(db(), run!.id)).toEqual([
      "t:out",
      "first:out",
      "second:skipped",
      "third:out",
    ]);
  });

  it("a held visit pauses for the next executor run when the step budget is spent, then sends once", async () => {
    await setSetting(db(), "email.delivery", QUIET_NIGHT);
    const tokyoEight = await untilTokyoTenPm();
    // The claim, the trigger's visit and the email's visit use the budget: the held visit goes on in a fresh run.
    process.env.SCENARIO_MAX_STEPS_PER_RUN = "3";
    try {
      const { scenarioId } = await enabledScenario(db(), {
        nodes: [on("custom.q_pause"), mail("mail", "promo", "delay")],
        edges: [e("e1", "t", "out", "mail")],
      });
      const user = await tokyoCustomer();
      await fire(db(), "custom.q_pause", user.id);
      await settle();
      const [waiting] = await runsOf(db(), scenarioId);
      expect(waiting).toMatchObject({ status: "waiting" });
      expect(await emailsTo(db(), user.id)).toEqual([]);
      await inngest.advance(tokyoEight.getTime() - now().getTime());
      await settle();
      expect(await logOf(user.id, "promo")).toMatchObject([{ status: "sent" }]);
      const [run] = await runsOf(db(), scenarioId);
      expect(run).toMatchObject({ status: "completed" });
      expect(await pathOf(db(), run!.id)).toEqual(["t:out", "mail:out"]);
    } finally {
      delete process.env.SCENARIO_MAX_STEPS_PER_RUN;
    }
  });

  it("does not send a held email once the scenario was disabled", async () => {
    await setSetting(db(), "email.delivery", QUIET_NIGHT);
    await untilTokyoTenPm();
    const { scenarioId } = await enabledScenario(db(), {
      nodes: [on("custom.q_disabled"), mail("mail", "promo", "delay")],
      edges: [e("e1", "t", "out", "mail")],
    });
    const user = await tokyoCustomer();
    await fire(db(), "custom.q_disabled", user.id);
    await settle();
    expect((await runsOf(db(), scenarioId))[0]).toMatchObject({ status: "waiting" });
    await setStatus(db(), scenarioId, "disabled");
    await inngest.advance(11 * HOUR_MS);
    expect(await emailsTo(db(), user.id)).toEqual([]);
    const [run] = await runsOf(db(), scenarioId);
    expect(run).toMatchObject({ status: "cancelled" });
    expect(await pathOf(db(), run!.id)).toEqual(["t:out", "mail:cancelled"]);
  });
});
