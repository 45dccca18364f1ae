import { z } from "zod";
import { USER_ROLES } from "@/lib/auth/permissions";
import { codeSchema } from "@/lib/subscriptions/schemas";

/**
 * The rules tree of a segment, stored as `segments.rules` and compiled to one SQL expression by
 * compile-segment.ts. UI-safe: the admin form builds these objects and the server parses them with the same schema.
 * Keys are snake_case because the tree is also the API's JSON, sent and returned as stored.
 */

export const MATCH_MODES = ["all", "any"] as const;
export type MatchMode = (typeof MATCH_MODES)[number];

export const COMPARISON_OPERATORS = ["eq", "gte", "lte", "gt", "lt"] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

const textValue = z.string().trim().min(1, { message: "Enter a value." }).max(320);
const domainValue = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/, { message: "Enter a domain such as example.com." })
  .max(253);
const dateValue = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  message: "Enter a date (2026-01-31) or an ISO timestamp.",
});
const daysValue = z.number({ message: "Enter a number of days." }).int().min(0).max(36_600);
const countValue = z.number({ message: "Enter a whole number." }).int().min(0).max(1_000_000);
const centsValue = z.number({ message: "Enter an amount." }).int().min(0).max(2_000_000_000);

const emailRule = z.strictObject({
  field: z.literal("email"),
  operator: z.enum(["is", "is_not", "contains", "ends_with"]),
  value: textValue,
});

// Split on the operator so that "is empty" carries no value and "is" cannot lack one.
const nameRule = z.discriminatedUnion("operator", [
  z.strictObject({
    field: z.literal("name"),
    operator: z.enum(["is", "contains"]),
    value: textValue,
  }),
  z.strictObject({ field: z.literal("name"), operator: z.enum(["is_empty", "is_not_empty"]) }),
]);

const roleRule = z.strictObject({
  field: z.literal("role"),
  operator: z.literal("is"),
  value: z.enum(USER_ROLES),
});

const emailDomainRule = z.strictObject({
  field: z.literal("email_domain"),
  operator: z.enum(["is", "is_not"]),
  value: domainValue,
});

const registeredRule = z.discriminatedUnion("operator", [
  z.strictObject({
    field: z.literal("registered"),
    operator: z.enum(["before", "after"]),
    date: dateValue,
  }),
  z.strictObject({
    field: z.literal("registered"),
    operator: z.enum(["within_days", "more_than_days_ago"]),
    days: daysValue,
  }),
]);

const subscriptionRule = z.strictObject({
  field: z.literal("subscription"),
  operator: z.enum(["has", "has_not"]),
  /** Only subscriptions whose type gives this content access. */
  content_access: codeSchema.nullable().optional(),
  /** Only subscriptions of this type. */
  subscription_type: codeSchema.nullable().optional(),
});

const paidPaymentsCountRule = z.strictObject({
  field: z.literal("paid_payments_count"),
  operator: z.enum(COMPARISON_OPERATORS),
  value: countValue,
});

const paidPaymentsSumRule = z.strictObject({
  field: z.literal("paid_payments_sum"),
  operator: z.enum(COMPARISON_OPERATORS),
  value: centsValue.meta({ description: "Cents." }),
});

const segmentRule = z.strictObject({
  field: z.literal("segment"),
  operator: z.enum(["in", "not_in"]),
  value: codeSchema,
});

export const segmentLeafRuleSchema = z.discriminatedUnion("field", [
  emailRule,
  nameRule,
  roleRule,
  emailDomainRule,
  registeredRule,
  subscriptionRule,
  paidPaymentsCountRule,
  paidPaymentsSumRule,
  segmentRule,
]);
export type SegmentLeafRule = z.output<typeof segmentLeafRuleSchema>;
export type SegmentRuleField = SegmentLeafRule["field"];

/** One level of nesting ("all of A and any of B, C") covers real segments and keeps the editor and OpenAPI simple. */
export const segmentGroupRuleSchema = z.strictObject({
  field: z.literal("group"),
  match: z.enum(MATCH_MODES),
  rules: z
    .array(segmentLeafRuleSchema)
    .min(1, { message: "A group needs at least one rule." })
    .max(50),
});
export type SegmentGroupRule = z.output<typeof segmentGroupRuleSchema>;

export const segmentRuleSchema = z.discriminatedUnion("field", [
  segmentLeafRuleSchema,
  segmentGroupRuleSchema,
]);
export type SegmentRule = z.output<typeof segmentRuleSchema>;

/** An empty "all" matches every user, an empty "any" none: the usual identities of and/or. */
export const segmentRulesSchema = z
  .strictObject({ match: z.enum(MATCH_MODES), rules: z.array(segmentRuleSchema).max(50) })
  .meta({ id: "SegmentRules" });
export type SegmentRules = z.output<typeof segmentRulesSchema>;

/** Codes of the other segments a rules tree refers to (for cycle checks and "in use" refusals). */
export function referencedSegmentCodes(rules: SegmentRules): string[] {
  const codes = new Set<string>();
  const visit = (rule: SegmentRule) => {
    if (rule.field === "segment") codes.add(rule.value);
    else if (rule.field === "group") rule.rules.forEach(visit);
  };
  rules.rules.forEach(visit);
  return [...codes];
}
