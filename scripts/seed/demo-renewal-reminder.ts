import { isDeepStrictEqual } from "node:util";
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { scenarios, scenarioVersions } from "@/lib/db/schema";
import type { ScenarioGraph } from "@/lib/scenarios/graph";
import { publishScenario } from "@/lib/scenarios/admin/publish-scenario";
import { saveScenarioDraft } from "@/lib/scenarios/admin/save-scenario-draft";

export const RENEWAL_REMINDER_NAME = "Renewal reminder";

const at = (x: number, y: number) => ({ x, y });

/**
 * Three days before access ends, a paying customer who has not renewed gets the reminder. The trigger skips users
 * whose renewal starts by the end; the condition checks again, for a renewal bought since the run started.
 */
export const renewalReminderGraph: ScenarioGraph = {
  nodes: [
    {
      id: "ending",
      type: "before_event",
      config: { trigger: "subscription_ends", minutes: 3 * 1440, fires: "access_ends" },
      position: at(0, 0),
    },
    {
      id: "paid",
      type: "condition",
      config: {
        criteria: [
          { kind: "subscription", key: "is_paid", operator: "is", value: true },
          { kind: "subscription", key: "has_following", operator: "is", value: false },
        ],
      },
      position: at(0, 120),
      openPorts: ["no"],
    },
    {
      id: "remind",
      type: "email",
      config: { template: "renewal_reminder" },
      position: at(0, 240),
      openPorts: ["out"],
    },
  ],
  edges: [
    { id: "e1", from: "ending", fromPort: "out", to: "paid" },
    { id: "e2", from: "paid", fromPort: "yes", to: "remind" },
  ],
};

/** What seeds before the following-subscription check gave the scenario: the trigger's option and one criterion fewer. */
const earlierRenewalReminderGraph: ScenarioGraph = {
  nodes: renewalReminderGraph.nodes.map((node) =>
    node.type === "before_event"
      ? { ...node, config: { trigger: node.config.trigger, minutes: node.config.minutes } }
      : node.type === "condition"
        ? { ...node, config: { criteria: node.config.criteria.slice(0, 1) } }
        : node,
  ),
  edges: renewalReminderGraph.edges,
};

/**
 * An install seeded earlier keeps its "Renewal reminder"; when its draft and published graph are still exactly the
 * earlier demo's (nobody edited it), it gets the following-subscription check as a new version, keeping its status.
 */
export async function upgradeDemoRenewalReminder(db: Db): Promise<string[]> {
  const [scenario] = await db
    .select({
      id: scenarios.id,
      draftGraph: scenarios.draftGraph,
      published: scenarioVersions.graph,
    })
    .from(scenarios)
    .innerJoin(scenarioVersions, eq(scenarioVersions.id, scenarios.currentVersionId))
    .where(and(eq(scenarios.name, RENEWAL_REMINDER_NAME), ne(scenarios.status, "deleted")));
  if (
    !scenario ||
    !isDeepStrictEqual(scenario.draftGraph, earlierRenewalReminderGraph) ||
    !isDeepStrictEqual(scenario.published, earlierRenewalReminderGraph)
  )
    return [];
  await saveScenarioDraft(db, { scenarioId: scenario.id, graph: renewalReminderGraph });
  await publishScenario(db, {
    scenarioId: scenario.id,
    note: "Demo: no reminder to customers who renewed",
  });
  return [`scenario ${RENEWAL_REMINDER_NAME}: no reminder to customers who renewed`];
}
