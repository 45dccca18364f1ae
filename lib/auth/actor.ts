import { eq, type AnyColumn, type SQL } from "drizzle-orm";

/** A signed-in customer acting on their own rows (session or user token). */
export type CustomerActor = { kind: "customer"; userId: number };
/** A signed-in admin acting on anyone's rows. */
export type AdminActor = { kind: "admin"; userId: number };
/** Subflow itself (renewals, sweeps, gateway settlement, seeds) or an integration's API token: no person. */
export type SystemActor = { kind: "system" };

/**
 * Who performs a mutation. Services take it explicitly, so "no owner id" can no longer silently mean "admin": a
 * customer is held to their own rows in the query; an admin or the system is not. UI-safe.
 */
export type Actor = CustomerActor | AdminActor | SystemActor;

export const customerActor = (userId: number): CustomerActor => ({ kind: "customer", userId });
export const adminActor = (userId: number): AdminActor => ({ kind: "admin", userId });
export const SYSTEM_ACTOR: SystemActor = Object.freeze({ kind: "system" });

/**
 * The ownership condition for a query's `where`: a customer only reaches rows whose `ownerColumn` is their user id;
 * admins and the system reach every row (undefined, which drizzle's `and` leaves out).
 */
export function ownedByActor(actor: Actor, ownerColumn: AnyColumn): SQL | undefined {
  return actor.kind === "customer" ? eq(ownerColumn, actor.userId) : undefined;
}

/** The person to record as having done it (a reviewer, say), or null when the system did. */
export function actorUserId(actor: Actor): number | null {
  return actor.kind === "system" ? null : actor.userId;
}
