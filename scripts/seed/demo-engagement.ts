import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { banners, goals, scenarios, segments } from "@/lib/db/schema";
import { findEmailTemplateByCode } from "@/lib/email/find-email-template";
import { saveEmailTemplate } from "@/lib/email/save-email-template";
import { saveBanner } from "@/lib/banners/save-banner";
import { saveGoal } from "@/lib/goals/save-goal";
import type { ScenarioGraph } from "@/lib/scenarios/graph";
import { createScenario } from "@/lib/scenarios/admin/create-scenario";
import { enableScenario } from "@/lib/scenarios/admin/enable-scenario";
import { publishScenario } from "@/lib/scenarios/admin/publish-scenario";
import { saveSegment } from "@/lib/segments/save-segment";
import {
  RENEWAL_REMINDER_NAME,
  renewalReminderGraph,
  upgradeDemoRenewalReminder,
} from "./demo-renewal-reminder";

const TEMPLATES = [
  {
    code: "renewal_reminder",
    name: "Renewal reminder",
    subject: "Your {{subscription.type_name}} ends soon",
    text: "Hi {{user.name}}, your subscription ends on {{subscription.end_at}}. Renew to keep reading.",
  },
  {
    code: "win_back",
    name: "Win back",
    subject: "We miss you, {{user.name}}",
    text: "Come back to {{app.name}}: your first month is on us.",
  },
];

const at = (x: number, y: number) => ({ x, y });

/** Segments, goals, a banner and three scenarios that use them, so the engagement areas have something to show. */
export async function seedDemoEngagement(db: Db): Promise<string[]> {
  const created: string[] = [];
  for (const t of TEMPLATES) {
    if (await findEmailTemplateByCode(db, t.code)) continue;
    await saveEmailTemplate(db, {
      code: t.code,
      name: t.name,
      subject: t.subject,
      bodyHtml: `<p>${t.text}</p>`,
      bodyText: t.text,
    });
    created.push(`email template ${t.code}`);
  }
  if ((await db.select().from(segments).where(eq(segments.code, "web_readers"))).length === 0) {
    await saveSegment(db, {
      code: "web_readers",
      name: "Web readers",
      description: "Everyone with actual web access.",
      rules: {
        match: "all",
        rules: [{ field: "subscription", operator: "has", content_access: "web" }],
      },
    });
    created.push("segment web_readers");
  }
  for (const goal of [
    { code: "complete_profile", name: "Complete the profile" },
    { code: "read_first_article", name: "Read a first article" },
  ]) {
    if ((await db.select().from(goals).where(eq(goals.code, goal.code))).length > 0) continue;
    await saveGoal(db, goal);
    created.push(`goal ${goal.code}`);
  }
  let [banner] = await db.select().from(banners).where(eq(banners.name, "Finish your profile"));
  if (!banner) {
    banner = await saveBanner(db, {
      name: "Finish your profile",
      title: "Finish your profile",
      text: "Tell us what you like to read and we will tailor your front page.",
      linkUrl: "/account",
      linkText: "Open my account",
      style: "promo",
    });
    created.push("banner Finish your profile");
  }
  if ((await db.select({ id: scenarios.id }).from(scenarios).limit(1)).length > 0)
    return [...created, ...(await upgradeDemoRenewalReminder(db))];

  const onboarding: ScenarioGraph = {
    nodes: [
      { id: "signup", type: "event", config: { event: "user.created" }, position: at(0, 0) },
      { id: "welcome", type: "email", config: { template: "welcome" }, position: at(0, 120) },
      {
        id: "profile",
        type: "goal",
        config: { goals: ["complete_profile"], recheckMinutes: 720, timeoutMinutes: 3 * 1440 },
        position: at(0, 240),
        openPorts: ["yes"],
      },
      {
        id: "nudge",
        type: "banner",
        config: { bannerId: banner.id, expiresAfterMinutes: 7 * 1440 },
        position: at(200, 360),
        openPorts: ["out"],
      },
    ],
    edges: [
      { id: "e1", from: "signup", fromPort: "out", to: "welcome" },
      { id: "e2", from: "welcome", fromPort: "out", to: "profile" },
      { id: "e3", from: "profile", fromPort: "no", to: "nudge" },
    ],
  };
  const winBack: ScenarioGraph = {
    nodes: [
      { id: "ended", type: "event", config: { event: "subscription.ended" }, position: at(0, 0) },
      { id: "later", type: "wait", config: { minutes: 1440 }, position: at(0, 120) },
      {
        id: "split",
        type: "ab_test",
        config: {
          variants: [
            { code: "A", name: "Email", percent: 50 },
            { code: "B", name: "Free week", percent: 50 },
          ],
        },
        position: at(0, 240),
      },
      {
        id: "mail",
        type: "email",
        config: { template: "win_back" },
        position: at(-150, 360),
        openPorts: ["out"],
      },
      {
        id: "gift",
        type: "generic",
        config: { action: "extend_subscription", params: { days: 7 } },
        position: at(150, 360),
        openPorts: ["out"],
      },
    ],
    edges: [
      { id: "e1", from: "ended", fromPort: "out", to: "later" },
      { id: "e2", from: "later", fromPort: "out", to: "split" },
      { id: "e3", from: "split", fromPort: "variant:A", to: "mail" },
      { id: "e4", from: "split", fromPort: "variant:B", to: "gift" },
    ],
  };
  for (const [name, graph, enable] of [
    ["Onboarding", onboarding, true],
    [RENEWAL_REMINDER_NAME, renewalReminderGraph, true],
    ["Win-back A/B", winBack, false],
  ] as const) {
    const scenario = await createScenario(db, { name, reentry: "once", graph });
    await publishScenario(db, { scenarioId: scenario.id, note: "Demo" });
    if (enable) await enableScenario(db, { scenarioId: scenario.id });
    created.push(`scenario ${name}${enable ? " (enabled)" : ""}`);
  }
  return created;
}
