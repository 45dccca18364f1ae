import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Who is changing things, and through what: carried through a staff member's server action or an API token's request
 * and written into every transaction it opens (`subflow.audit`), where the audit trigger of migration 0007 reads it.
 */
export interface AuditContext {
  /** Groups the rows of one action or request. */
  requestId: string;
  actorUserId: number | null;
  actorTokenId: number | null;
  /** An email or `token <name>`, as the actor was named then. */
  actorLabel: string;
  /** A server action's name (`users.change-role`) or an API request's method and path. */
  action: string;
  clientAddress: string | null;
}

/**
 * One store per process, on globalThis like the database connection that reads it (lib/db): a production build holds
 * several copies of this module (one per server chunk that imports it), and a context set through one copy must be
 * seen by the connection whichever copy opened it.
 */
const processWide = globalThis as unknown as {
  subflowAuditContext?: AsyncLocalStorage<AuditContext>;
};
const storage = (processWide.subflowAuditContext ??= new AsyncLocalStorage<AuditContext>());

/** Run `work` with an audit context: every transaction it opens records what it changes in the audited tables. */
export function withAuditContext<T>(
  context: Omit<AuditContext, "requestId">,
  work: () => Promise<T>,
): Promise<T> {
  return storage.run({ requestId: crypto.randomUUID(), ...context }, work);
}

/** The audit context of the running action or request, if it has one. */
export function currentAuditContext(): AuditContext | undefined {
  return storage.getStore();
}
