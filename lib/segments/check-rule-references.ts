import "server-only";
import { inArray } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { contentAccess, subscriptionTypes } from "@/lib/db/schema";
import { invalid } from "@/lib/errors";
import type { SegmentLeafRule, SegmentRules } from "./segment-rules";

function subscriptionRules(
  rules: SegmentRules,
): Extract<SegmentLeafRule, { field: "subscription" }>[] {
  return rules.rules
    .flatMap((rule) => (rule.field === "group" ? rule.rules : [rule]))
    .filter(
      (rule): rule is Extract<SegmentLeafRule, { field: "subscription" }> =>
        rule.field === "subscription",
    );
}

/**
 * A rule naming a content access or subscription type that does not exist would silently match nobody (or
 * everybody, with "has not"); refuse it when saving instead.
 */
export async function checkRuleReferences(db: Db, rules: SegmentRules): Promise<void> {
  const list = subscriptionRules(rules);
  const accessCodes = [
    ...new Set(list.flatMap((rule) => (rule.content_access ? [rule.content_access] : []))),
  ];
  const typeCodes = [
    ...new Set(list.flatMap((rule) => (rule.subscription_type ? [rule.subscription_type] : []))),
  ];
  if (accessCodes.length > 0) {
    const found = await db
      .select({ code: contentAccess.code })
      .from(contentAccess)
      .where(inArray(contentAccess.code, accessCodes));
    const missing = accessCodes.find((code) => !found.some((row) => row.code === code));
    if (missing)
      throw invalid("content_access_not_found", `No content access with code "${missing}".`);
  }
  if (typeCodes.length > 0) {
    const found = await db
      .select({ code: subscriptionTypes.code })
      .from(subscriptionTypes)
      .where(inArray(subscriptionTypes.code, typeCodes));
    const missing = typeCodes.find((code) => !found.some((row) => row.code === code));
    if (missing)
      throw invalid("subscription_type_not_found", `No subscription type with code "${missing}".`);
  }
}
