import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { scenarioBeforeEventFires, scenarioRuns, scenarios } from "@/lib/db/schema";
import { followingSubscriptionExists } from "@/lib/subscriptions/following-subscription";
import { holdoutSql } from "@/lib/scenarios/engine/holdout";
import type { BeforeEventNode } from "./record-before-event-fires";

/**
 * Pairs locked in one transaction. Advisory locks live in the shared lock table (max_locks_per_transaction ×
 * connections, 6,400 by default), so a big window's re-entry-limited pairs are taken in chunks, never all at once.
 */
const LOCKED_PAIRS_PER_TRANSACTION = 1000;

interface ScenarioUser {
  scenario_id: number;
  user_id: number;
}

/** What every statement of one call shares: the window, and the `subscription_ends` nodes that fire at every end. */
interface Pending {
  window: { from: Date; to: Date };
  everyEndNodes: SQL | null;
}

/**
 * Give every recorded occurrence due in the window (from, to] that has no run yet its run, set-based: one
 * INSERT … SELECT into scenario_runs whose RETURNING sets the occurrences' run ids, for all scenarios that let users
 * re-enter always; then, for scenarios with a re-entry rule, the same statement per chunk of (scenario, user) pairs
 * under the per-(scenario, user) advisory locks `createScenarioRun` takes, so a concurrent trigger of the same user
 * sees the run. The unique key (scenario, user, trigger key) makes each occurrence's run once, however ticks overlap
 * or retry. A `subscription_ends` occurrence whose access a following subscription continues gets no run, unless its
 * node fires at every end: checked here, not when the occurrence is recorded, so a renewal bought since counts too.
 * Returns how many runs were created.
 */
export async function createBeforeEventRuns(
  db: Db,
  nodes: readonly BeforeEventNode[],
  window: { from: Date; to: Date },
): Promise<number> {
  const everyEnd = nodes.filter(
    (n) => n.trigger === "subscription_ends" && n.fires === "every_end",
  );
  const pending: Pending = {
    window,
    everyEndNodes:
      everyEnd.length === 0
        ? null
        : sql.join(
            everyEnd.map((n) => sql`(${n.scenarioId}::int, ${n.nodeId}::text)`),
            sql`, `,
          ),
  };
  let created = await insertRuns(db, pending, null);
  const limited = await pendingReentryLimitedPairs(db, pending);
  for (let start = 0; start < limited.length; start += LOCKED_PAIRS_PER_TRANSACTION) {
    const pairs = sql`${JSON.stringify(limited.slice(start, start + LOCKED_PAIRS_PER_TRANSACTION))}::jsonb`;
    created += await db.transaction(async (tx) => {
      // In one order (scenario, user) in every tick, so overlapping ticks wait for each other instead of deadlocking.
      await tx.execute(sql`
        select pg_advisory_xact_lock(p.scenario_id, p.user_id)
        from jsonb_to_recordset(${pairs}) as p(scenario_id int, user_id int)
        order by p.scenario_id, p.user_id`);
      return insertRuns(tx, pending, pairs);
    });
  }
  return created;
}

/**
 * Occurrences of the window still without a run, with the key their run gets (`before:<node>:<entity>:<date>`): of
 * the scenarios that let users re-enter always (`reentryLimited` false), or of the others, then restricted to
 * `pairs` when given. A subscription end that a following subscription continues is no occurrence of access ending.
 */
function pendingFires(
  { window, everyEndNodes }: Pending,
  reentryLimited: boolean,
  pairs: SQL | null = null,
): SQL {
  const f = scenarioBeforeEventFires;
  const firesOnAccessEnd = sql`(${f.trigger} = 'subscription_ends'
      ${everyEndNodes === null ? sql`` : sql`and (${f.scenarioId}, ${f.nodeId}) not in (values ${everyEndNodes})`})`;
  const accessEnds = sql`(not ${firesOnAccessEnd}
      or not ${followingSubscriptionExists({ userId: sql`${f.userId}`, subscriptionId: sql`${f.entityId}`, endAt: sql`${f.entityDate}` })})`;
  return sql`
    select ${f.scenarioId} as scenario_id, ${f.nodeId} as node_id, ${f.trigger} as trigger, ${f.entityId} as entity_id,
      ${f.entityDate} as entity_date, ${f.userId} as user_id, ${f.dueAt} as due_at, ${f.payload} as payload,
      ${firesOnAccessEnd} as access_ends,
      ${scenarios.currentVersionId} as version_id, ${scenarios.reentry} as reentry,
      ${scenarios.reentryDays} as reentry_days,
      ${holdoutSql(sql`${f.scenarioId}`, sql`${f.userId}`, sql`${scenarios.holdoutPercent}`)} as holdout,
      'before:' || ${f.nodeId} || ':' || ${f.entityId} || ':'
        || to_char(${f.entityDate} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as trigger_key
    from ${f}
    join ${scenarios} on ${scenarios.id} = ${f.scenarioId}
    where ${f.dueAt} > ${window.from.toISOString()}::timestamptz
      and ${f.dueAt} <= ${window.to.toISOString()}::timestamptz
      and ${f.runId} is null
      and ${scenarios.status} = 'enabled'
      and ${scenarios.currentVersionId} is not null
      and ${scenarios.reentry} ${reentryLimited ? sql`<>` : sql`=`} 'always'
      and ${accessEnds}
      ${
        pairs === null
          ? sql``
          : sql`and (${f.scenarioId}, ${f.userId}) in (
              select p.scenario_id, p.user_id from jsonb_to_recordset(${pairs}) as p(scenario_id int, user_id int))`
      }`;
}

async function pendingReentryLimitedPairs(db: Db, pending: Pending): Promise<ScenarioUser[]> {
  const result = (await db.execute(sql`
    select distinct pending.scenario_id, pending.user_id
    from (${pendingFires(pending, true)}) as pending
    order by pending.scenario_id, pending.user_id`)) as unknown as { rows: ScenarioUser[] };
  return result.rows;
}

/**
 * The one statement that creates runs. `lockedPairs` null: the scenarios that let users re-enter always, every
 * pending occurrence. Otherwise the re-entry-limited scenarios, only for those (scenario, user) pairs (locked by the
 * caller): an occurrence is admitted when the user has no other run that counts against the rule (as in
 * `createScenarioRun`: a run cancelled at its start because the date moved never ran), and of a user's several
 * occurrences in the window only the first.
 */
async function insertRuns(db: Db, pending: Pending, lockedPairs: SQL | null): Promise<number> {
  const at = sql`${now().toISOString()}::timestamptz`;
  const r = scenarioRuns;
  const admitted =
    lockedPairs === null
      ? sql`select * from pending`
      : sql`
        select distinct on (pending.scenario_id, pending.user_id) pending.*
        from pending
        where not exists (
          select 1 from ${r}
          where ${r.scenarioId} = pending.scenario_id and ${r.userId} = pending.user_id
            and ${r.triggerKey} <> pending.trigger_key
            and ${r.statusReason} is distinct from 'before_event_date_changed'
            and (pending.reentry = 'once'
              or ${r.createdAt} > ${at} - coalesce(pending.reentry_days, 1) * interval '1 day'))
        order by pending.scenario_id, pending.user_id, pending.due_at, pending.node_id, pending.entity_id,
          pending.entity_date`;
  const f = scenarioBeforeEventFires;
  const result = (await db.execute(sql`
    with pending as (${pendingFires(pending, lockedPairs !== null, lockedPairs)}),
    admitted as (${admitted}),
    created as (
      insert into ${r} (scenario_id, version_id, user_id, trigger_key, trigger_event, trigger_payload,
        entry_node_ids, created_at, updated_at, holdout, status, status_reason, finished_at)
      select scenario_id, version_id, user_id, trigger_key, 'before:' || trigger,
        -- The run's start checks the occurrence again: its date, and (access_ends) that no renewal came since.
        jsonb_set(payload, '{before,access_ends}', to_jsonb(access_ends)) || jsonb_build_object('user_id', user_id),
        jsonb_build_array(node_id), ${at}, ${at},
        -- A held-out run (lib/scenarios/engine/holdout.ts) is created finished and is not started.
        holdout, case when holdout then 'completed' else 'running' end::scenario_run_status,
        case when holdout then 'holdout' end, case when holdout then ${at} end
      from admitted
      -- One insertion order in every tick: overlapping ticks meet on the same first key and wait, never deadlock.
      order by scenario_id, user_id, trigger_key
      on conflict do nothing
      returning id, scenario_id, entry_node_ids, trigger_event, trigger_payload
    )
    -- Back to the occurrence by its primary key, from what the run carries (entry node, trigger, the payload's
    -- occurrence): an index lookup per run, whatever the planner guesses of the freshly inserted rows.
    update ${f} set run_id = created.id
    from created
    where ${f.scenarioId} = created.scenario_id
      and ${f.nodeId} = created.entry_node_ids ->> 0
      and ${f.trigger} = substr(created.trigger_event, length('before:') + 1)
      and ${f.entityId} = (created.trigger_payload -> 'before' ->> 'entity_id')::int
      and ${f.entityDate} = (created.trigger_payload -> 'before' ->> 'entity_date')::timestamptz
    returning ${f.runId}`)) as unknown as { rows: unknown[] };
  return result.rows.length;
}
