import "server-only";
import { randomBytes } from "node:crypto";
import { hashToken } from "@/lib/auth/tokens";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { userActionTokens, type UserActionToken, type UserActionTokenKind } from "@/lib/db/schema";

export interface IssueActionTokenOptions {
  userId: number;
  kind: UserActionTokenKind;
  lifetimeMs: number;
  /** The address an email change moves to. */
  newEmail?: string;
}

/**
 * A single-use link token: 32 bytes from the OS's CSPRNG in base64url. Only its SHA-256 hash is stored; the plain
 * token goes into the emailed link and nowhere else.
 */
export async function issueActionToken(
  db: Db,
  options: IssueActionTokenOptions,
): Promise<{ token: string; row: UserActionToken }> {
  const token = randomBytes(32).toString("base64url");
  const createdAt = now();
  const [row] = await db
    .insert(userActionTokens)
    .values({
      userId: options.userId,
      kind: options.kind,
      tokenHash: hashToken(token),
      newEmail: options.newEmail ?? null,
      createdAt,
      expiresAt: new Date(createdAt.getTime() + options.lifetimeMs),
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return { token, row };
}
