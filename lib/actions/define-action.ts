import "server-only";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { withAuditContext } from "@/lib/audit/audit-context";
import type { Permission } from "@/lib/auth/permissions";
import { requireStaff, requireUser } from "@/lib/auth/session";
import { getDb, type Db } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry-on-conflict";
import type { User } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { deliverEventsAfterResponse } from "@/lib/events/deliver-after-response";
import { clientAddressOf } from "@/lib/http/client-address";
import { localizeActionState } from "@/lib/i18n/localize-action-state";
import type { ActionState } from "./action-state";

/** FormData → plain object; repeated keys (checkbox groups, multi-selects) become arrays. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    // NUL cannot be stored in Postgres text; drop it here so a pasted control character is not a server error.
    const values = formData
      .getAll(key)
      .map((value) => (typeof value === "string" ? value : value.name).replaceAll("\u0000", ""));
    result[key] = key.endsWith("[]") || values.length > 1 ? values : values[0];
  }
  for (const key of Object.keys(result)) {
    if (key.endsWith("[]")) {
      result[key.slice(0, -2)] = result[key];
      delete result[key];
    }
  }
  return result;
}

interface ActionSpecBase<S extends z.ZodType> {
  schema: S;
  /** Paths whose cached render changes when the action succeeds. */
  revalidate?: string[];
}

/** A staff action: the caller's role (read from the database on every call) must have the permission. */
interface StaffActionSpec<S extends z.ZodType> extends ActionSpecBase<S> {
  permission: Permission;
  /** What the action does, as the audit log names it (`users.change-role`). */
  name: string;
}

/** A customer action: any signed-in user, acting on their own account. */
interface UserActionSpec<S extends z.ZodType> extends ActionSpecBase<S> {
  role: "user";
  /** What the action does (`account.change-password`): the audit log's name for it when staff use it on themselves. */
  name: string;
}

type ActionSpec<S extends z.ZodType> = StaffActionSpec<S> | UserActionSpec<S>;

/**
 * Every server action goes through here: the caller is checked (role from the database), the input parsed with zod,
 * and domain errors become a form state with a code and message instead of an exception.
 */
export function defineAction<S extends z.ZodType, R>(
  spec: ActionSpec<S>,
  handler: (input: z.output<S>, context: { db: Db; user: User }) => Promise<R | ActionState<R>>,
) {
  const act = async (_previous: ActionState, formData: FormData): Promise<ActionState<R>> => {
    try {
      const user = "permission" in spec ? await requireStaff(spec.permission) : await requireUser();
      const parsed = spec.schema.safeParse(formDataToObject(formData));
      if (!parsed.success) {
        const flattened = z.flattenError(parsed.error);
        return {
          ok: false,
          error: "validation_error",
          message: flattened.formErrors[0] ?? "Check the highlighted fields.",
          fieldErrors: flattened.fieldErrors as Record<string, string[] | undefined>,
        };
      }
      const db = await getDb();
      // A deadlock or serialization failure before any gateway call runs the handler once more.
      const run = () =>
        retryOnConflict(`action ${spec.name}`, () => handler(parsed.data, { db, user }));
      const result =
        user.role === "customer"
          ? await run()
          : await withAuditContext(
              {
                actorUserId: user.id,
                actorTokenId: null,
                actorLabel: user.email,
                action: spec.name,
                clientAddress: clientAddressOf(await headers()),
              },
              run,
            );
      for (const path of spec.revalidate ?? []) revalidatePath(path);
      deliverEventsAfterResponse();
      if (result && typeof result === "object" && "ok" in result) return result as ActionState<R>;
      return { ok: true, data: result as R };
    } catch (error) {
      if (isAppError(error)) return { ok: false, error: error.code, message: error.message };
      if (error instanceof z.ZodError) {
        return {
          ok: false,
          error: "validation_error",
          message: error.issues[0]?.message ?? "Invalid input.",
        };
      }
      throw error;
    }
  };
  // A customer's forms are in their language (the admin's stay English): its messages are translated on the way out.
  if ("permission" in spec) return act;
  return async (previous: ActionState, formData: FormData) =>
    localizeActionState(await act(previous, formData));
}
