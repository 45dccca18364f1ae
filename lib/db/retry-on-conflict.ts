import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The safety net under the lock order (LOCK-ORDER.md): a request whose transaction Postgres aborted because another
 * one ran at the same time is run once more. Never after a payment gateway was called in it, though: money may have
 * moved, and running the request again could move it twice. Gateways say so through markGatewayCalled.
 */

/** The SQLSTATEs that mean "nothing was wrong with the request, only its timing". */
const CONFLICTS = {
  "40P01": "deadlock detected",
  "40001": "serialization failure",
} as const;
type ConflictState = keyof typeof CONFLICTS;

interface RequestMarks {
  gatewayCalled: boolean;
}

const marks = new AsyncLocalStorage<RequestMarks>();

/** A payment gateway is about to be called (to charge, refund, save a card or look a charge up): no retry from now on. */
export function markGatewayCalled(): void {
  const current = marks.getStore();
  if (current) current.gatewayCalled = true;
}

/**
 * The conflict's SQLSTATE, or null for any other error. Drivers raise it with a `code`; drizzle wraps it in a
 * DrizzleQueryError whose `cause` is the driver's error, and a transaction may wrap that again.
 */
export function conflictStateOf(error: unknown): ConflictState | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && Object.hasOwn(CONFLICTS, code)) return code as ConflictState;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * Run a request's work (`label` names it in the warning). Failing on a deadlock or a serialization failure before any
 * gateway call, it runs once more after a warning; a second failure, any other error, and any failure after a gateway
 * call are thrown as they are. What the first run committed before the conflict stays committed; the second run
 * meets it as a client's own retry would. Nested calls leave the retry to the outermost.
 */
export async function retryOnConflict<T>(label: string, run: () => Promise<T>): Promise<T> {
  if (marks.getStore()) return run();
  const request: RequestMarks = { gatewayCalled: false };
  return marks.run(request, async () => {
    try {
      return await run();
    } catch (error) {
      const state = conflictStateOf(error);
      if (state === null || request.gatewayCalled) throw error;
      console.warn(`${label}: ${CONFLICTS[state]} (${state}); running it once more`);
      return run();
    }
  });
}
