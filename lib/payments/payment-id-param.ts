import { z } from "zod";
import type { AppError } from "@/lib/errors";

/**
 * The `{id}` of /payments/{id}/…: a value that is not an id names nothing, so it is the route's own not-found error
 * (404, like an unknown payment).
 */
export function paymentIdParam(params: Record<string, string>, notFound: () => AppError): number {
  const parsed = z.coerce.number().int().positive().max(2_147_483_647).safeParse(params.id);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export const paymentIdPathSchema = z.object({
  id: z.number().int().positive().meta({ description: "The payment id." }),
});
