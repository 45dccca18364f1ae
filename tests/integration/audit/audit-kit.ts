import { asc, gt, max } from "drizzle-orm";
import type { ActionState } from "@/lib/actions/action-state";
import type { Db } from "@/lib/db";
import { auditLog, type AuditLogRow, type User } from "@/lib/db/schema";

/**
 * Helpers for the audit tests: who the mocked browser session is, server action forms, and the audit rows a step
 * wrote. The test files mock next-auth and next/headers with `actionRequest` (vi.mock is per file).
 */

export const CLIENT_ADDRESS = "203.0.113.7";

export interface ActionRequest {
  session: unknown;
  headers: Headers;
}

export function signInAs(request: ActionRequest, user: User): void {
  request.session = {
    user: { id: user.id, role: user.role, sessionVersion: user.sessionVersion },
    expires: "",
  };
  request.headers = new Headers({ "x-forwarded-for": `${CLIENT_ADDRESS}, 10.0.0.1` });
}

export function form(values: Record<string, string | number | boolean | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(key, String(item));
  }
  return data;
}

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState<unknown>>;

/** Run a server action; one that redirects on success (Next throws its redirect) counts as ok. */
export async function runAction(
  action: Action,
  values: Record<string, string | number | boolean | string[]>,
): Promise<ActionState<unknown>> {
  try {
    return await action(null, form(values));
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { ok: true };
    throw error;
  }
}

/** The audit rows written while `step` ran, oldest first. */
export async function auditRowsOf(db: Db, step: () => Promise<unknown>): Promise<AuditLogRow[]> {
  const [last] = await db.select({ id: max(auditLog.id) }).from(auditLog);
  await step();
  return db
    .select()
    .from(auditLog)
    .where(gt(auditLog.id, last?.id ?? 0))
    .orderBy(asc(auditLog.id));
}
