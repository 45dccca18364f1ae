import { z } from "zod";
import { notFound } from "@/lib/errors";

/** `{id}` of /referral-programs/{id}: a positive integer, else 404 like an id that does not exist. */
const referralProgramIdParamSchema = z.coerce.number().int().positive().max(2_147_483_647);

export const programNotFound = () =>
  notFound("referral_program_not_found", "No such referral program.");

/** The `{id}` segment; a value that is not an id names no program (404, like an unknown one). */
export function referralProgramIdParam(params: Record<string, string>): number {
  const parsed = referralProgramIdParamSchema.safeParse(params.id);
  if (!parsed.success) throw programNotFound();
  return parsed.data;
}
