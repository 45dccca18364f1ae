import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { familyRequests } from "@/lib/db/schema";

/** How many requests a user holds as master and how many they accepted as a child (the admin user page's card). */
export async function countUserFamilyRequests(
  db: Db,
  options: { userId: number },
): Promise<{ asMaster: number; asChild: number }> {
  const [[master], [child]] = await Promise.all([
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(familyRequests)
      .where(eq(familyRequests.masterUserId, options.userId)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(familyRequests)
      .where(eq(familyRequests.childUserId, options.userId)),
  ]);
  return { asMaster: master?.n ?? 0, asChild: child?.n ?? 0 };
}
