import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { users } from "@/lib/db/schema";

/** A user by id without the password hash, or null. */
export async function findUser(db: Db, userId: number) {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      createdAt: users.createdAt,
      confirmedAt: users.confirmedAt,
      lastLoginAt: users.lastLoginAt,
      paymentDisputedAt: users.paymentDisputedAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return user ?? null;
}
