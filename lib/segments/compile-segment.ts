import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { segments } from "@/lib/db/schema";
import { invalid } from "@/lib/errors";
import { segmentRulesSchema, type SegmentRule, type SegmentRules } from "./segment-rules";
import { leafRuleSql } from "./user-rule-sql";

/** Stored rules of every segment by code, as read from the database (parsed only when a rule refers to one). */
export type SegmentCatalog = ReadonlyMap<string, unknown>;

export interface CompileOptions {
  now: Date;
  catalog: SegmentCatalog;
  /** Codes being compiled, outermost first: the segment being saved or counted, then the ones it refers to. */
  path?: readonly string[];
}

/**
 * Every segment's rules in one query. Segments are few and small, and loading them all at once keeps
 * "is user U in segment S" at two round trips however deep the references go.
 */
export async function loadSegmentCatalog(db: Db): Promise<Map<string, unknown>> {
  const rows = await db.select({ code: segments.code, rules: segments.rules }).from(segments);
  return new Map(rows.map((row) => [row.code, row.rules]));
}

function combine(match: SegmentRules["match"], parts: SQL[]): SQL {
  // The identities of and/or: nothing to hold is true, nothing to choose from is false.
  if (parts.length === 0) return match === "all" ? sql`true` : sql`false`;
  const joined = sql.join(
    parts.map((part) => sql`(${part})`),
    match === "all" ? sql` and ` : sql` or `,
  );
  return sql`(${joined})`;
}

function membershipSql(code: string, options: CompileOptions): SQL {
  const path = options.path ?? [];
  if (path.includes(code)) {
    throw invalid(
      "segment_cycle",
      `Segment "${code}" refers back to itself: ${[...path, code].join(" → ")}.`,
    );
  }
  const stored = options.catalog.get(code);
  if (stored === undefined) throw invalid("segment_not_found", `There is no segment "${code}".`);
  const parsed = segmentRulesSchema.safeParse(stored);
  if (!parsed.success)
    throw invalid(
      "segment_rules_invalid",
      `The stored rules of segment "${code}" do not validate.`,
    );
  // Inline, not a subquery over the segment: the other segment's rules hold for this very users row.
  return compileSegmentRules(parsed.data, { ...options, path: [...path, code] });
}

function ruleSql(rule: SegmentRule, options: CompileOptions): SQL {
  switch (rule.field) {
    case "group":
      return combine(
        rule.match,
        rule.rules.map((leaf) => ruleSql(leaf, options)),
      );
    case "segment": {
      const member = membershipSql(rule.value, options);
      return rule.operator === "in" ? member : sql`not ${member}`;
    }
    default:
      return leafRuleSql(rule, options.now);
  }
}

/**
 * The rules as ONE boolean SQL expression over the `users` table (use it in `where` of a query from `users`).
 * Throws `segment_cycle` / `segment_not_found` (400) for references that cannot be resolved.
 */
export function compileSegmentRules(rules: SegmentRules, options: CompileOptions): SQL {
  return combine(
    rules.match,
    rules.rules.map((rule) => ruleSql(rule, options)),
  );
}

/** Load the catalog and compile: the entry point of the services. */
export async function compileSegment(
  db: Db,
  options: { rules: SegmentRules; code?: string; now: Date },
): Promise<SQL> {
  const catalog = await loadSegmentCatalog(db);
  return compileSegmentRules(options.rules, {
    now: options.now,
    catalog,
    path: options.code ? [options.code] : [],
  });
}
