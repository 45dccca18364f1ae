import { z } from "zod";
import { pathIdParam } from "@/lib/api/path-id-param";
import type { AppError } from "@/lib/errors";

/** The `{id}` of /payments/{id}/…: a value that is not an id is the route's own not-found error (404). */
export function paymentIdParam(params: Record<string, string>, notFound: () => AppError): number {
  return pathIdParam(params, "id", notFound);
}

export const paymentIdPathSchema = z.object({
  id: z.number().int().positive().meta({ description: "The payment id." }),
});
