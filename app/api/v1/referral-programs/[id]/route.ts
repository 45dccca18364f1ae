import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { findReferralProgram } from "@/lib/referrals/admin/list-referral-programs";
import { serializeReferralProgram } from "@/lib/referrals/admin/referral-program-json";
import { deleteReferralProgram, updateReferralProgram } from "@/lib/referrals/admin/save-program";
import { referralProgramBodySchema } from "@/lib/api/operations/referral-programs";
import { programNotFound, referralProgramIdParam } from "@/lib/referrals/referral-program-id-param";

const auth = { token: "api", scope: "referrals" } as const;

export const GET = apiRoute({ auth }, async ({ db, params }) => {
  const program = await findReferralProgram(db, referralProgramIdParam(params));
  if (!program) throw programNotFound();
  return NextResponse.json({ program: serializeReferralProgram(program) });
});

export const PUT = apiRoute(
  { auth, body: referralProgramBodySchema },
  async ({ db, params, body }) => {
    const program = await updateReferralProgram(db, referralProgramIdParam(params), body);
    return NextResponse.json({ program: serializeReferralProgram(program) });
  },
);

export const DELETE = apiRoute({ auth }, async ({ db, params }) => {
  const program = await deleteReferralProgram(db, referralProgramIdParam(params));
  return NextResponse.json({ program: serializeReferralProgram(program) });
});
