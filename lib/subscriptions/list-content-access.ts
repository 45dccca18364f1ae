import "server-only";
import { asc, count, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { contentAccess, subscriptionTypeContentAccess } from "@/lib/db/schema";

/** Every content access with how many subscription types grant it. */
export async function listContentAccess(db: Db) {
  return db
    .select({
      id: contentAccess.id,
      code: contentAccess.code,
      name: contentAccess.name,
      description: contentAccess.description,
      sorting: contentAccess.sorting,
      typeCount: count(subscriptionTypeContentAccess.subscriptionTypeId),
    })
    .from(contentAccess)
    .leftJoin(
      subscriptionTypeContentAccess,
      eq(subscriptionTypeContentAccess.contentAccessId, contentAccess.id),
    )
    .groupBy(contentAccess.id)
    .orderBy(asc(contentAccess.sorting), asc(contentAccess.code));
}
