import "server-only";
import { and, count, desc, eq, ilike, sql, type SQL } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db";
import {
  scenarioRuns,
  scenarioRunSteps,
  scenarios,
  scenarioVersions,
  type ScenarioRunStatus,
  users,
} from "@/lib/db/schema";
import { loadVersionGraph } from "@/lib/scenarios/engine/load-version-graph";
import { nodeSummary } from "@/lib/scenarios/nodes/definitions";
import type { ScenarioRunRow } from "./list-scenario-runs";

/** The runs list's filters: the admin page and GET /scenarios/{id}/runs take the same. */
export interface ScenarioRunFilters {
  status?: ScenarioRunStatus;
  /** A version number of the scenario (not a version id). */
  versionNumber?: number;
  userId?: number;
  /** Part of the user's email, case-insensitive. */
  email?: string;
  /** Only runs whose current node (see `ScenarioRunListRow.currentNode`) is this one. */
  nodeId?: string;
}

export interface SearchScenarioRunsOptions extends ScenarioRunFilters {
  scenarioId: number;
  limit: number;
  offset: number;
}

export interface CurrentNode {
  id: string;
  type: string;
  /** What the node does, from the graph of the version the run walks ("Wait 1 day"); null if the graph lacks it. */
  title: string | null;
  enteredAt: Date;
  /** Null while the run is at the node. */
  finishedAt: Date | null;
}

export interface ScenarioRunListRow extends ScenarioRunRow {
  updatedAt: Date;
  finishedAt: Date | null;
  /** Null when no visit is recorded (not started yet, or its visits were removed after 31 days). */
  currentNode: CurrentNode | null;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The node a run is at: while it is open, its latest visit still in progress (a wait, a goal); otherwise — finished,
 * or between two nodes — the node it visited last. A LATERAL subquery over the run's visits (a handful per run, found
 * by the `(run_id, step_key)` index).
 */
function currentVisit(db: Db) {
  return db
    .select({
      nodeId: scenarioRunSteps.nodeId,
      nodeType: scenarioRunSteps.nodeType,
      enteredAt: scenarioRunSteps.enteredAt,
      finishedAt: scenarioRunSteps.finishedAt,
    })
    .from(scenarioRunSteps)
    .where(eq(scenarioRunSteps.runId, scenarioRuns.id))
    .orderBy(
      sql`(${scenarioRuns.finishedAt} is null and ${scenarioRunSteps.finishedAt} is null) desc`,
      desc(scenarioRunSteps.enteredAt),
      desc(scenarioRunSteps.id),
    )
    .limit(1)
    .as("current_visit");
}

/**
 * A page of a scenario's runs, newest first, with the total that matches. The page is picked first and the current
 * node looked up for its rows only; a node filter has to look it up for every run the other filters leave (about
 * 8 µs a run on Postgres: 0.8 s for 100,000 runs, so pair it with a status filter on big scenarios).
 */
export async function searchScenarioRuns(
  db: Db,
  options: SearchScenarioRunsOptions,
): Promise<{ rows: ScenarioRunListRow[]; total: number }> {
  const conditions: SQL[] = [eq(scenarioRuns.scenarioId, options.scenarioId)];
  if (options.status) conditions.push(eq(scenarioRuns.status, options.status));
  if (options.versionNumber !== undefined)
    conditions.push(
      eq(
        scenarioRuns.versionId,
        db
          .select({ id: scenarioVersions.id })
          .from(scenarioVersions)
          .where(
            and(
              eq(scenarioVersions.scenarioId, options.scenarioId),
              eq(scenarioVersions.number, options.versionNumber),
            ),
          ),
      ),
    );
  if (options.userId !== undefined) conditions.push(eq(scenarioRuns.userId, options.userId));
  const email = options.email?.trim();
  if (email) conditions.push(ilike(users.email, `%${escapeLike(email)}%`));
  const current = currentVisit(db);
  if (options.nodeId !== undefined) conditions.push(eq(current.nodeId, options.nodeId));
  const where = and(...conditions);

  const filtered = <Q extends PgSelect>(query: Q) =>
    withFilterJoins(query, { email: Boolean(email), node: options.nodeId !== undefined, current });

  const page = filtered(db.select({ id: scenarioRuns.id }).from(scenarioRuns).$dynamic())
    .where(where)
    .orderBy(desc(scenarioRuns.createdAt), desc(scenarioRuns.id))
    .limit(options.limit)
    .offset(options.offset)
    .as("page");

  const [found, [totals]] = await Promise.all([
    db
      .select({
        id: scenarioRuns.id,
        scenarioId: scenarioRuns.scenarioId,
        scenarioName: scenarios.name,
        versionId: scenarioRuns.versionId,
        versionNumber: scenarioVersions.number,
        userId: scenarioRuns.userId,
        userEmail: users.email,
        triggerEvent: scenarioRuns.triggerEvent,
        status: scenarioRuns.status,
        statusReason: scenarioRuns.statusReason,
        createdAt: scenarioRuns.createdAt,
        updatedAt: scenarioRuns.updatedAt,
        finishedAt: scenarioRuns.finishedAt,
        nodeId: current.nodeId,
        nodeType: current.nodeType,
        nodeEnteredAt: current.enteredAt,
        nodeFinishedAt: current.finishedAt,
      })
      .from(page)
      .innerJoin(scenarioRuns, eq(scenarioRuns.id, page.id))
      .innerJoin(scenarios, eq(scenarios.id, scenarioRuns.scenarioId))
      .innerJoin(scenarioVersions, eq(scenarioVersions.id, scenarioRuns.versionId))
      .innerJoin(users, eq(users.id, scenarioRuns.userId))
      .leftJoinLateral(current, sql`true`)
      .orderBy(desc(scenarioRuns.createdAt), desc(scenarioRuns.id)),
    filtered(db.select({ total: count() }).from(scenarioRuns).$dynamic()).where(where),
  ]);

  const titles = await nodeTitles(db, found);
  const rows = found.map(({ nodeId, nodeType, nodeEnteredAt, nodeFinishedAt, ...run }) => ({
    ...run,
    currentNode:
      nodeId === null || nodeType === null || nodeEnteredAt === null
        ? null
        : {
            id: nodeId,
            type: nodeType,
            title: titles.get(`${run.versionId}:${nodeId}`) ?? null,
            enteredAt: nodeEnteredAt,
            finishedAt: nodeFinishedAt,
          },
  }));
  return { rows, total: totals?.total ?? 0 };
}

/** The joins a filter needs: users to search emails, the current visit to filter by node. */
function withFilterJoins<Q extends PgSelect>(
  query: Q,
  joins: { email: boolean; node: boolean; current: ReturnType<typeof currentVisit> },
) {
  let joined: PgSelect = query;
  if (joins.email) joined = joined.innerJoin(users, eq(users.id, scenarioRuns.userId));
  if (joins.node) joined = joined.innerJoinLateral(joins.current, sql`true`);
  return joined as Q;
}

/** "version:node" → the node's summary in that version's graph, for the nodes on the page. */
async function nodeTitles(
  db: Db,
  rows: { versionId: number; nodeId: string | null }[],
): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  const versionIds = [
    ...new Set(rows.filter((row) => row.nodeId !== null).map((row) => row.versionId)),
  ];
  for (const versionId of versionIds) {
    const graph = await loadVersionGraph(db, versionId);
    for (const node of graph.nodes) titles.set(`${versionId}:${node.id}`, nodeSummary(node));
  }
  return titles;
}
