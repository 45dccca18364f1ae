import { pathIdParam } from "@/lib/api/path-id-param";
import { notFound } from "@/lib/errors";

export const programNotFound = () =>
  notFound("referral_program_not_found", "No such referral program.");

/** The `{id}` segment of /referral-programs/{id}; a value that is not an id names no program (404). */
export function referralProgramIdParam(params: Record<string, string>): number {
  return pathIdParam(params, "id", programNotFound);
}
