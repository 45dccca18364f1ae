import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows-of";
import { emailLog } from "@/lib/db/schema";
import { SKIP_REASONS, type SkipReason } from "@/lib/email/consent/decide-delivery";
import { emptyEmailStats, type EmailStats } from "./email-stats";

interface CountRow {
  key: string;
  status: string;
  skip_reason: string | null;
  n: number;
  tracked: number;
  delivered: number;
  opened: number;
  clicked: number;
  unsubscribed: number;
  bounced: number;
  complained: number;
}

/** Counts of email_log rows grouped by `key` (and status, skip reason) where `where` holds; one statement. */
async function countEmails(db: Db, key: SQL, where: SQL): Promise<Map<string, EmailStats>> {
  const result = await db.execute(sql`
    select ${key} as key, status, skip_reason, count(*)::int as n,
      count(*) filter (where links is not null)::int as tracked,
      count(delivered_at)::int as delivered, count(opened_at)::int as opened,
      count(clicked_at)::int as clicked, count(unsubscribed_at)::int as unsubscribed,
      count(bounced_at)::int as bounced, count(complained_at)::int as complained
    from ${emailLog} where ${where}
    group by 1, 2, 3`);
  const stats = new Map<string, EmailStats>();
  for (const row of rowsOf<CountRow>(result)) {
    let entry = stats.get(row.key);
    if (!entry) stats.set(row.key, (entry = emptyEmailStats()));
    const n = Number(row.n);
    if (row.status === "sent") {
      entry.sent += n;
      entry.tracked += Number(row.tracked);
    } else if (row.status === "failed") entry.failed += n;
    else if (row.status === "skipped") {
      entry.skipped += n;
      const reason = row.skip_reason as SkipReason;
      if ((SKIP_REASONS as readonly string[]).includes(reason)) entry.skippedByReason[reason] += n;
    }
    // Events arrive for emails that went out; a row recorded failed after the server took it may still have some.
    entry.delivered += Number(row.delivered);
    entry.opened += Number(row.opened);
    entry.clicked += Number(row.clicked);
    entry.unsubscribed += Number(row.unsubscribed);
    entry.bounced += Number(row.bounced);
    entry.complained += Number(row.complained);
  }
  return stats;
}

const sinceClause = (since: Date | undefined) =>
  since ? sql` and created_at >= ${since.toISOString()}::timestamptz` : sql``;

/** Each email node of a scenario (by node id; nodes that never sent are absent), all versions together. */
export async function loadScenarioEmailStats(
  db: Db,
  options: { scenarioId: number; since?: Date },
): Promise<Record<string, EmailStats>> {
  const stats = await countEmails(
    db,
    sql`scenario_node_id`,
    sql`scenario_id = ${options.scenarioId} and scenario_node_id is not null${sinceClause(options.since)}`,
  );
  return Object.fromEntries(stats);
}

/** Templates by code: the ones named, or every template that has sent (or skipped) mail. */
export async function loadTemplateEmailStats(
  db: Db,
  options: { codes?: string[]; since?: Date },
): Promise<Record<string, EmailStats>> {
  if (options.codes?.length === 0) return {};
  const codes = options.codes
    ? sql`template_code in (${sql.join(
        options.codes.map((code) => sql`${code}`),
        sql`, `,
      )})`
    : sql`template_code is not null`;
  const stats = await countEmails(
    db,
    sql`template_code`,
    sql`${codes}${sinceClause(options.since)}`,
  );
  return Object.fromEntries(stats);
}

/** One template's figures (zeros when it never sent). */
export async function loadOneTemplateEmailStats(
  db: Db,
  options: { code: string; since?: Date },
): Promise<EmailStats> {
  const stats = await loadTemplateEmailStats(db, { codes: [options.code], since: options.since });
  return stats[options.code] ?? emptyEmailStats();
}
