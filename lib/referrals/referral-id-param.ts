import { z } from "zod";
import { notFound } from "@/lib/errors";

/** The `{id}` of /referrals/{id}/…: a malformed id names no referral (404, like an unknown one). */
export function referralIdParam(params: Record<string, string>): number {
  const parsed = z.coerce.number().int().positive().max(2_147_483_647).safeParse(params.id);
  if (!parsed.success) throw notFound("referral_not_found", "No such referral.");
  return parsed.data;
}

export const referralIdPath = {
  path: z.object({ id: z.number().int().positive().meta({ description: "The referral id." }) }),
};
