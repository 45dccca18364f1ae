import "server-only";
import { and, eq, gt, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { contentAccess, subscriptions, subscriptionTypeContentAccess } from "@/lib/db/schema";
import { defineCriterion } from "./define-criterion";

export default defineCriterion({
  kind: "user",
  key: "has_content_access",
  label: "Has an actual subscription with content access",
  operators: [
    { op: "has", label: "has" },
    { op: "has_not", label: "has not" },
  ],
  valueInput: "content_access",
  value: z.string().trim().min(1, { message: "Choose a content access." }),
  requires: null,
  async evaluate(context, operator, code) {
    const [row] = await context.db
      .select({ found: sql<number>`1` })
      .from(subscriptions)
      .innerJoin(
        subscriptionTypeContentAccess,
        eq(subscriptionTypeContentAccess.subscriptionTypeId, subscriptions.subscriptionTypeId),
      )
      .innerJoin(contentAccess, eq(contentAccess.id, subscriptionTypeContentAccess.contentAccessId))
      .where(
        and(
          eq(subscriptions.userId, context.userId),
          eq(contentAccess.code, code),
          lte(subscriptions.startAt, context.now),
          gt(subscriptions.endAt, context.now),
        ),
      )
      .limit(1);
    const has = row !== undefined;
    return {
      holds: operator === "has" ? has : !has,
      actual: has ? `has ${code}` : `no actual ${code}`,
    };
  },
});
