import "server-only";
import { and, eq, notInArray } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { localFunctions } from "./schema";
import {
  OPTIONS_NOT_WITH_BATCHES,
  registeredFunctionSchema,
  UNSUPPORTED_FUNCTION_OPTIONS,
  type RegisteredFunction,
} from "./protocol";

export type RegisterResult =
  { ok: true; modified: boolean; functions: RegisteredFunction[] } | { ok: false; error: string };

/**
 * Store an app's functions as its SDK registered them (`POST /fn/register`). A function using an option the executor
 * does not implement is refused, naming the function and the option, and nothing is stored.
 */
export async function registerFunctions(
  db: Db,
  appUrl: string,
  rawFunctions: unknown[],
): Promise<RegisterResult> {
  const functions: RegisteredFunction[] = [];
  for (const raw of rawFunctions) {
    const parsed = registeredFunctionSchema.safeParse(raw);
    const id = (raw as { id?: unknown })?.id;
    if (!parsed.success)
      return {
        ok: false,
        error: `Function ${String(id)} is not a valid registration: ${parsed.error.message}`,
      };
    const unsupported = UNSUPPORTED_FUNCTION_OPTIONS.filter(
      (option) => (raw as Record<string, unknown>)[option] != null,
    );
    if (unsupported.length > 0) {
      return {
        ok: false,
        error: `Function "${parsed.data.id}" uses ${unsupported.join(", ")}, which the local executor does not implement. Use Inngest (npx inngest-cli dev) to run it, or remove the option.`,
      };
    }
    const notWithBatches = parsed.data.batchEvents
      ? OPTIONS_NOT_WITH_BATCHES.filter((option) => parsed.data[option] != null)
      : [];
    if (notWithBatches.length > 0) {
      return {
        ok: false,
        error: `Function "${parsed.data.id}" uses batchEvents with ${notWithBatches.join(", ")}, which the local executor does not combine.`,
      };
    }
    functions.push(parsed.data);
  }
  const ids = functions.map((fn) => fn.id);
  await db.transaction(async (tx) => {
    await tx
      .delete(localFunctions)
      .where(
        ids.length
          ? and(eq(localFunctions.appUrl, appUrl), notInArray(localFunctions.id, ids))
          : eq(localFunctions.appUrl, appUrl),
      );
    for (const fn of functions) {
      const values = {
        id: fn.id,
        appUrl,
        name: fn.name,
        config: fn as Record<string, unknown>,
        updatedAt: now(),
      };
      await tx
        .insert(localFunctions)
        .values(values)
        .onConflictDoUpdate({ target: localFunctions.id, set: values });
    }
  });
  return { ok: true, modified: true, functions };
}

export async function loadFunctions(db: Db): Promise<RegisteredFunction[]> {
  const rows = await db.select().from(localFunctions);
  return rows.map((row) => registeredFunctionSchema.parse(row.config));
}
