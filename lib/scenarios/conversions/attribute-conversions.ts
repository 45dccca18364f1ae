import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows-of";
import {
  scenarioConversions,
  scenarioReportCounters,
  scenarioRuns,
  scenarioRunSteps,
  scenarios,
} from "@/lib/db/schema";

export interface ConversionEvent {
  id: string;
  name: string;
  userId: number;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

/** A payment's amount in the event's payload (`amount_cents`), else no revenue. */
export function revenueOf(payload: Record<string, unknown>): number {
  const amount = payload.amount_cents;
  return typeof amount === "number" && Number.isSafeInteger(amount) && amount > 0 ? amount : 0;
}

/**
 * Attribute a batch of events to the runs they convert, in one statement: a run converts when its scenario's conversion
 * event happens to its user within the scenario's window after the run entered (held-out runs alike; not a
 * before-event run cancelled at its start, which never ran; never by the run's own trigger event). Each run converts
 * once — its first such event — as one `scenario_conversions` row; a replayed event finds the rows and counts nothing
 * again. The same statement counts each
 * new conversion into `scenario_report_counters`: for the scenario, and for every node, edge and A/B variant the run's
 * path passed (its visits, kept 31 days: the window is at most 30). The runs are found on
 * `scenario_runs_user_idx` (user, created_at). Returns how many runs converted.
 */
export async function attributeConversions(db: Db, events: ConversionEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const batch = JSON.stringify(
    events.map((event) => ({
      id: event.id,
      name: event.name,
      user_id: event.userId,
      occurred_at: event.occurredAt.toISOString(),
      revenue_cents: revenueOf(event.payload),
    })),
  );
  const counters = scenarioReportCounters;
  const result = await db.execute(sql`
    with batch as (
      select * from jsonb_to_recordset(${batch}::jsonb)
        as e(id text, name text, user_id int, occurred_at timestamptz, revenue_cents bigint)
    ), matched as (
      select distinct on (${scenarioRuns.id}) ${scenarioRuns.id} as run_id, ${scenarioRuns.scenarioId} as scenario_id,
        ${scenarioRuns.versionId} as version_id, ${scenarioRuns.userId} as user_id, ${scenarioRuns.holdout} as holdout,
        batch.id as event_id, batch.name as event_name, batch.occurred_at, batch.revenue_cents
      from batch
      join ${scenarios} on ${scenarios.conversionEvent} = batch.name and ${scenarios.status} <> 'deleted'
      join ${scenarioRuns} on ${scenarioRuns.userId} = batch.user_id and ${scenarioRuns.scenarioId} = ${scenarios.id}
        and ${scenarioRuns.createdAt} <= batch.occurred_at
        and ${scenarioRuns.createdAt} > batch.occurred_at - ${scenarios.conversionWindowDays} * interval '1 day'
        and ${scenarioRuns.statusReason} is distinct from 'before_event_date_changed'
        and ${scenarioRuns.triggerKey} <> 'event:' || batch.id
      order by ${scenarioRuns.id}, batch.occurred_at, batch.id
    ), converted as (
      insert into ${scenarioConversions} (run_id, scenario_id, version_id, user_id, event_id, event_name,
        converted_at, revenue_cents, holdout)
      select run_id, scenario_id, version_id, user_id, event_id, event_name, occurred_at, revenue_cents, holdout
      from matched
      on conflict (run_id) do nothing
      returning run_id, scenario_id, holdout, (converted_at at time zone 'UTC')::date as day, revenue_cents
    ), passed as (
      select distinct converted.run_id, 'node' as kind, ${scenarioRunSteps.nodeId} as ref, '' as variant
      from converted join ${scenarioRunSteps} on ${scenarioRunSteps.runId} = converted.run_id
      union
      select converted.run_id, 'edge', ${scenarioRunSteps.viaEdgeId}, ''
      from converted join ${scenarioRunSteps} on ${scenarioRunSteps.runId} = converted.run_id
      where ${scenarioRunSteps.viaEdgeId} is not null
      union
      select converted.run_id, 'variant', ${scenarioRunSteps.nodeId},
        substr(${scenarioRunSteps.outcome}, length('variant:') + 1)
      from converted join ${scenarioRunSteps} on ${scenarioRunSteps.runId} = converted.run_id
      where ${scenarioRunSteps.outcome} like 'variant:%'
      union
      select run_id, 'scenario', '', '' from converted
    ), counted as (
      insert into ${counters} (scenario_id, kind, ref, variant, holdout, day, converted, revenue_cents)
      select converted.scenario_id, passed.kind, passed.ref, passed.variant, converted.holdout, converted.day,
        count(*)::int, sum(converted.revenue_cents)
      from passed join converted on converted.run_id = passed.run_id
      group by 1, 2, 3, 4, 5, 6
      order by 1, 2, 3, 4, 5, 6
      on conflict (scenario_id, kind, ref, variant, holdout, day) do update
        set converted = ${counters.converted} + excluded.converted,
          revenue_cents = ${counters.revenueCents} + excluded.revenue_cents
    )
    select count(*)::int as converted from converted`);
  return Number(rowsOf<{ converted: number }>(result)[0]?.converted ?? 0);
}
