import "server-only";
import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";

/**
 * Whether a user is in a scenario's holdout: a point in [0, 10000) drawn from md5("<scenario>:<user>") falls below the
 * share (in hundredths of a percent). The draw depends on nothing else, so a user stays in or out on every re-entry,
 * and raising the share only adds users to the holdout. `holdoutSql` is the same draw in SQL for the set-based paths
 * (a test keeps the two equal).
 */
export function isHeldOut(scenarioId: number, userId: number, holdoutPercent: number): boolean {
  if (holdoutPercent <= 0) return false;
  const hex = createHash("md5").update(`${scenarioId}:${userId}`).digest("hex").slice(0, 8);
  return parseInt(hex, 16) % 10_000 < holdoutPercent * 100;
}

export function holdoutSql(scenarioId: SQL, userId: SQL, holdoutPercent: SQL): SQL {
  return sql`(${holdoutPercent} > 0 and ('x' || substr(md5(${scenarioId}::text || ':' || ${userId}::text), 1, 8))::bit(32)::bigint % 10000 < ${holdoutPercent} * 100)`;
}
