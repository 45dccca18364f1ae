import { z } from "zod";
import { pathIdParam } from "@/lib/api/path-id-param";
import { notFound } from "@/lib/errors";

/** The `{id}` of /referrals/{id}/…: a malformed id names no referral (404, like an unknown one). */
export function referralIdParam(params: Record<string, string>): number {
  return pathIdParam(params, "id", () => notFound("referral_not_found", "No such referral."));
}

export const referralIdPath = {
  path: z.object({ id: z.number().int().positive().meta({ description: "The referral id." }) }),
};
