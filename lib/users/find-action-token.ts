import "server-only";
import { and, eq } from "drizzle-orm";
import { hashToken } from "@/lib/auth/tokens";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { lockUsers } from "@/lib/db/lock-order";
import { userActionTokens, type UserActionToken, type UserActionTokenKind } from "@/lib/db/schema";
import { AppError, conflict, notFound } from "@/lib/errors";

export type ActionTokenState =
  | { status: "valid"; row: UserActionToken }
  | { status: "unknown" }
  | { status: "used"; row: UserActionToken }
  | { status: "expired"; row: UserActionToken };

function stateOf(row: UserActionToken | undefined): ActionTokenState {
  if (!row) return { status: "unknown" };
  if (row.usedAt) return { status: "used", row };
  if (row.expiresAt.getTime() <= now().getTime()) return { status: "expired", row };
  return { status: "valid", row };
}

/** What a link's token is worth, without spending it (the pages show a clear answer before anyone acts). */
export async function findActionToken(
  db: Db,
  options: { token: string; kind: UserActionTokenKind },
): Promise<ActionTokenState> {
  const [row] = await db
    .select()
    .from(userActionTokens)
    .where(
      and(
        eq(userActionTokens.tokenHash, hashToken(options.token)),
        eq(userActionTokens.kind, options.kind),
      ),
    )
    .limit(1);
  return stateOf(row);
}

/**
 * Inside the transaction that acts on it: lock the token's user (lib/db/LOCK-ORDER.md: users first; a token's user
 * never changes), then the token's row, so two submissions of one link cannot both pass, and two links of one user
 * used at once run one after the other (each spends the user's other links: locking the tokens first, they would wait
 * for each other's). Returns the token when valid; otherwise throws `link_invalid` (404), `link_used` or
 * `link_expired` (409).
 */
export async function lockValidActionToken(
  tx: Db,
  options: { token: string; kind: UserActionTokenKind },
): Promise<UserActionToken> {
  const theToken = and(
    eq(userActionTokens.tokenHash, hashToken(options.token)),
    eq(userActionTokens.kind, options.kind),
  );
  const [owner] = await tx
    .select({ userId: userActionTokens.userId })
    .from(userActionTokens)
    .where(theToken);
  if (owner) await lockUsers(tx, [owner.userId]);
  const [row] = await tx.select().from(userActionTokens).where(theToken).for("update");
  const state = stateOf(row);
  if (state.status === "valid") return state.row;
  throw actionTokenError(state.status);
}

export function actionTokenError(status: Exclude<ActionTokenState["status"], "valid">): AppError {
  switch (status) {
    case "unknown":
      return notFound("link_invalid", "This link is not valid. Ask for a new one.");
    case "used":
      return conflict("link_used", "This link was already used. Ask for a new one.");
    case "expired":
      return conflict("link_expired", "This link has expired. Ask for a new one.");
  }
}
