import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { scenarioBeforeEventFires, scenarios, scenarioVersions } from "@/lib/db/schema";
import {
  BEFORE_EVENT_TRIGGERS,
  type BeforeEventTrigger,
  type SubscriptionEndFires,
} from "@/lib/scenarios/nodes/before-event/definition";
import { BEFORE_EVENT_SOURCES } from "./before-event-sources";

export interface BeforeEventNode {
  scenarioId: number;
  nodeId: string;
  trigger: BeforeEventTrigger;
  minutes: number;
  /** For `subscription_ends`: applied when runs are created, so a renewal bought after the occurrence counts. */
  fires: SubscriptionEndFires;
}

/** The `before_event` trigger nodes of every enabled scenario's published version. */
export async function listBeforeEventNodes(db: Db): Promise<BeforeEventNode[]> {
  const node = sql`node`;
  const rows = await db
    .select({
      scenarioId: scenarios.id,
      nodeId: sql<string>`${node} ->> 'id'`,
      trigger: sql<string>`${node} -> 'config' ->> 'trigger'`,
      minutes: sql<number>`(${node} -> 'config' ->> 'minutes')::int`,
      fires: sql<string | null>`${node} -> 'config' ->> 'fires'`,
    })
    .from(scenarios)
    .innerJoin(scenarioVersions, eq(scenarioVersions.id, scenarios.currentVersionId))
    .crossJoinLateral(sql`jsonb_array_elements(${scenarioVersions.graph} -> 'nodes') as node`)
    .where(and(eq(scenarios.status, "enabled"), sql`${node} ->> 'type' = 'before_event'`));
  return rows.flatMap((r) =>
    BEFORE_EVENT_TRIGGERS.includes(r.trigger as BeforeEventTrigger)
      ? [
          {
            ...r,
            trigger: r.trigger as BeforeEventTrigger,
            // Nodes stored before the option existed lack it: they fire when access ends.
            fires: r.fires === "every_end" ? ("every_end" as const) : ("access_ends" as const),
          },
        ]
      : [],
  );
}

/**
 * Record every occurrence whose date minus its node's offset falls in (from, to]: one INSERT … SELECT per trigger type,
 * joining the watched table to the nodes' offsets so each node is an index range scan. The primary key
 * (scenario, node, trigger, entity, entity date) makes an occurrence fire once, however the windows overlap.
 */
export async function recordBeforeEventFires(
  db: Db,
  nodes: BeforeEventNode[],
  window: { from: Date; to: Date },
): Promise<void> {
  for (const trigger of BEFORE_EVENT_TRIGGERS) {
    const mine = nodes.filter((n) => n.trigger === trigger);
    if (mine.length === 0) continue;
    const source = BEFORE_EVENT_SOURCES[trigger];
    const offsets = sql.join(
      mine.map((n) => sql`(${n.scenarioId}::int, ${n.nodeId}::text, ${n.minutes}::int)`),
      sql`, `,
    );
    const payload = sql.join(
      Object.entries(source.payload).map(([key, column]) => sql`${key}::text, ${column}`),
      sql`, `,
    );
    const offset = sql`(t.minutes * interval '1 minute')`;
    // To the millisecond, as the run's JS dates and the start-time re-check see it.
    const day = sql`date_trunc('milliseconds', ${source.date})`;
    await db.execute(sql`
      insert into ${scenarioBeforeEventFires}
        (scenario_id, node_id, trigger, entity_id, entity_date, user_id, due_at, payload, created_at)
      select t.scenario_id, t.node_id, ${trigger}, ${source.id}, ${day}, ${source.userId}, ${source.date} - ${offset},
        jsonb_build_object(${payload}, 'before', jsonb_build_object('trigger', ${trigger}::text, 'entity_id', ${source.id},
          'entity_date', to_char(${day} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))),
        ${now().toISOString()}::timestamptz
      from (values ${offsets}) as t(scenario_id, node_id, minutes)
      join ${source.table}
        on ${source.date} > ${window.from.toISOString()}::timestamptz + ${offset}
       and ${source.date} <= ${window.to.toISOString()}::timestamptz + ${offset}
      where ${source.live}
      on conflict do nothing`);
  }
}
