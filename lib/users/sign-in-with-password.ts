import "server-only";
import type { Db } from "@/lib/db";
import type { User } from "@/lib/db/schema";
import { forgiveAttempt } from "@/lib/throttle/forgive-attempt";
import { reserveAttempt } from "@/lib/throttle/reserve-attempt";
import { authenticateUser } from "./authenticate-user";

/**
 * Sign-in by email and password (the login form through next-auth, and POST /api/v1/users/login): the user, or null
 * for a wrong email or password. Throttled per account and per client address before the password is checked, so
 * while a wait lasts even the right password is refused (TooManyAttemptsError); a success does not count and clears
 * the account's failures.
 */
export async function signInWithPassword(
  db: Db,
  options: { email: string; password: string; clientAddress: string | null },
): Promise<User | null> {
  const reservation = await reserveAttempt(db, "sign-in", {
    account: options.email.trim().toLowerCase(),
    address: options.clientAddress,
  });
  const user = await authenticateUser(db, options.email, options.password);
  if (user) await forgiveAttempt(db, reservation);
  return user;
}
