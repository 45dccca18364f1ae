import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { familyRequests } from "@/lib/db/schema";

/** Whether the user has any family request as master (the account page then links to /account/family). */
export async function hasMasterFamilyRequests(
  db: Db,
  options: { masterUserId: number },
): Promise<boolean> {
  const [row] = await db
    .select({ id: familyRequests.id })
    .from(familyRequests)
    .where(eq(familyRequests.masterUserId, options.masterUserId))
    .limit(1);
  return row !== undefined;
}
