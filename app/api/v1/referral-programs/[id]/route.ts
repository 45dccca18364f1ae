import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { notFound } from "@/lib/errors";
import { findReferralProgram } from "@/lib/referrals/admin/list-referral-programs";
import { serializeReferralProgram } from "@/lib/referrals/admin/referral-program-json";
import { deleteReferralProgram, updateReferralProgram } from "@/lib/referrals/admin/save-program";
import { referralProgramBodySchema } from "../schema";
import { referralProgramIdParamSchema } from "./schema";

const auth = { token: "api", scope: "referrals" } as const;

const programNotFound = () => notFound("referral_program_not_found", "No such referral program.");

/** The `{id}` segment; a value that is not an id names no program (404, like an unknown one). */
function programId(params: Record<string, string>): number {
  const parsed = referralProgramIdParamSchema.safeParse(params.id);
  if (!parsed.success) throw programNotFound();
  return parsed.data;
}

export const GET = apiRoute({ auth }, async ({ db, params }) => {
  const program = await findReferralProgram(db, programId(params));
  if (!program) throw programNotFound();
  return NextResponse.json({ program: serializeReferralProgram(program) });
});

export const PUT = apiRoute({ auth, body: referralProgramBodySchema }, async ({ db, params, body }) => {
  const program = await updateReferralProgram(db, programId(params), body);
  return NextResponse.json({ program: serializeReferralProgram(program) });
});

export const DELETE = apiRoute({ auth }, async ({ db, params }) => {
  const program = await deleteReferralProgram(db, programId(params));
  return NextResponse.json({ program: serializeReferralProgram(program) });
});
