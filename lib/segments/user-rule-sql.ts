import "server-only";
import { eq, gt, gte, lt, lte, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { addDays } from "@/lib/clock";
import {
  contentAccess,
  payments,
  subscriptions,
  subscriptionTypeContentAccess,
  subscriptionTypes,
  users,
} from "@/lib/db/schema";
import type { ComparisonOperator, SegmentLeafRule } from "./segment-rules";

/**
 * SQL for one leaf rule over the current `users` row. Every value is a bound parameter; text comparisons are
 * case-insensitive because people type emails and names in any case. Each expression is never NULL (nullable columns
 * are coalesced), so `not (…)` of a rule means exactly "the rule does not hold".
 */

type LeafWithout<F extends SegmentLeafRule["field"]> = Exclude<SegmentLeafRule, { field: F }>;

const text = (value: string) => sql`lower(${value}::text)`;
const lowerEmail = sql`lower(${users.email})`;
const lowerName = sql`lower(coalesce(${users.name}, ''))`;

const COMPARE: Record<ComparisonOperator, (left: SQLWrapper, right: number) => SQL> = {
  eq: (left, right) => eq(left, right),
  gte: (left, right) => gte(left, right),
  lte: (left, right) => lte(left, right),
  gt: (left, right) => gt(left, right),
  lt: (left, right) => lt(left, right),
};

function emailRuleSql(rule: Extract<SegmentLeafRule, { field: "email" }>): SQL {
  switch (rule.operator) {
    case "is":
      return sql`${lowerEmail} = ${text(rule.value)}`;
    case "is_not":
      return sql`${lowerEmail} <> ${text(rule.value)}`;
    case "contains":
      // strpos, not LIKE: a typed "_" or "%" is a literal character, not a wildcard.
      return sql`strpos(${lowerEmail}, ${text(rule.value)}) > 0`;
    case "ends_with":
      return sql`right(${lowerEmail}, length(${rule.value}::text)) = ${text(rule.value)}`;
  }
}

function nameRuleSql(rule: Extract<SegmentLeafRule, { field: "name" }>): SQL {
  switch (rule.operator) {
    case "is":
      return sql`${lowerName} = ${text(rule.value)}`;
    case "contains":
      return sql`strpos(${lowerName}, ${text(rule.value)}) > 0`;
    case "is_empty":
      return sql`btrim(coalesce(${users.name}, '')) = ''`;
    case "is_not_empty":
      return sql`btrim(coalesce(${users.name}, '')) <> ''`;
  }
}

function registeredRuleSql(
  rule: Extract<SegmentLeafRule, { field: "registered" }>,
  now: Date,
): SQL {
  // Thresholds are computed here, so the comparison is a plain range on the indexed created_at column. A date
  // without a time ("2026-01-31") is midnight UTC, as the admin sees times everywhere else.
  switch (rule.operator) {
    case "before":
      return sql`${users.createdAt} < ${new Date(rule.date).toISOString()}::timestamptz`;
    case "after":
      return sql`${users.createdAt} >= ${new Date(rule.date).toISOString()}::timestamptz`;
    case "within_days":
      return sql`${users.createdAt} >= ${addDays(now, -rule.days).toISOString()}::timestamptz`;
    case "more_than_days_ago":
      return sql`${users.createdAt} < ${addDays(now, -rule.days).toISOString()}::timestamptz`;
  }
}

/** An actual subscription: started, not yet ended (start_at <= now < end_at), optionally narrowed by access or type. */
function subscriptionRuleSql(
  rule: Extract<SegmentLeafRule, { field: "subscription" }>,
  now: Date,
): SQL {
  const at = now.toISOString();
  const conditions = [
    sql`${subscriptions.userId} = ${users.id}`,
    sql`${subscriptions.startAt} <= ${at}::timestamptz`,
    sql`${subscriptions.endAt} > ${at}::timestamptz`,
  ];
  if (rule.subscription_type) {
    conditions.push(sql`${subscriptions.subscriptionTypeId} = (
      select ${subscriptionTypes.id} from ${subscriptionTypes} where ${subscriptionTypes.code} = ${rule.subscription_type})`);
  }
  if (rule.content_access) {
    conditions.push(sql`exists (
      select 1 from ${subscriptionTypeContentAccess}
      join ${contentAccess} on ${contentAccess.id} = ${subscriptionTypeContentAccess.contentAccessId}
      where ${subscriptionTypeContentAccess.subscriptionTypeId} = ${subscriptions.subscriptionTypeId}
        and ${contentAccess.code} = ${rule.content_access})`);
  }
  const exists = sql`exists (select 1 from ${subscriptions} where ${sql.join(conditions, sql` and `)})`;
  return rule.operator === "has" ? exists : sql`not ${exists}`;
}

function paidPaymentsSql(
  rule: Extract<SegmentLeafRule, { field: "paid_payments_count" | "paid_payments_sum" }>,
): SQL {
  const aggregate =
    rule.field === "paid_payments_count"
      ? sql`count(*)`
      : sql`coalesce(sum(${payments.amountCents}), 0)`;
  const scalar = sql`(select ${aggregate} from ${payments} where ${payments.userId} = ${users.id} and ${payments.status} = 'paid')`;
  return COMPARE[rule.operator](scalar, rule.value);
}

/** Every leaf rule except segment membership, which compile-segment.ts resolves against the other segments. */
export function leafRuleSql(rule: LeafWithout<"segment">, now: Date): SQL {
  switch (rule.field) {
    case "email":
      return emailRuleSql(rule);
    case "name":
      return nameRuleSql(rule);
    case "role":
      return eq(users.role, rule.value);
    case "email_domain": {
      const domain = sql`lower(split_part(${users.email}, '@', 2))`;
      return rule.operator === "is"
        ? sql`${domain} = ${text(rule.value)}`
        : sql`${domain} <> ${text(rule.value)}`;
    }
    case "registered":
      return registeredRuleSql(rule, now);
    case "subscription":
      return subscriptionRuleSql(rule, now);
    case "paid_payments_count":
    case "paid_payments_sum":
      return paidPaymentsSql(rule);
  }
}
