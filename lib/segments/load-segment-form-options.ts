import "server-only";
import type { Db } from "@/lib/db";
import { listContentAccess } from "@/lib/subscriptions/list-content-access";
import { listSubscriptionTypes } from "@/lib/subscriptions/list-subscription-types";
import { listSegments } from "./list-segments";

/** What the rule builder's selects offer; the segment being edited is left out so it cannot pick itself. */
export async function loadSegmentFormOptions(db: Db, options: { excludeCode?: string } = {}) {
  const [access, types, segments] = await Promise.all([
    listContentAccess(db),
    listSubscriptionTypes(db),
    listSegments(db),
  ]);
  return {
    contentAccess: access.map(({ code, name }) => ({ code, name })),
    subscriptionTypes: types.map(({ code, name }) => ({ code, name })),
    segments: segments
      .filter((segment) => segment.code !== options.excludeCode)
      .map(({ code, name }) => ({ code, name })),
  };
}
