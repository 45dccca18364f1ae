import { z } from "zod";
import type { AppError } from "@/lib/errors";
import { INT4_MAX } from "@/lib/api/request-schemas";

const idSchemas = {
  int4: z.coerce.number().int().positive().max(INT4_MAX),
  bigint: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
};

/**
 * A route's `[key]` path segment as a row id. A value that is not a positive integer in the column's range names no
 * row, so it is the route's own not-found error (404, like an id that does not exist) — never a 400 or a 500.
 */
export function pathIdParam(
  params: Record<string, string>,
  key: string,
  notFound: () => AppError,
  column: keyof typeof idSchemas = "int4",
): number {
  const parsed = idSchemas[column].safeParse(params[key]);
  if (!parsed.success) throw notFound();
  return parsed.data;
}
