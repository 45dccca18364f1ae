import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { listReferralPrograms } from "@/lib/referrals/admin/list-referral-programs";
import { serializeReferralProgram } from "@/lib/referrals/admin/referral-program-json";
import { createReferralProgram } from "@/lib/referrals/admin/save-program";
import { referralProgramBodySchema } from "@/lib/api/operations/referral-programs";

const auth = { token: "api", scope: "referrals" } as const;

export const GET = apiRoute({ auth }, async ({ db }) => {
  const programs = await listReferralPrograms(db);
  return NextResponse.json({ programs: programs.map(serializeReferralProgram) });
});

export const POST = apiRoute({ auth, body: referralProgramBodySchema }, async ({ db, body }) => {
  const program = await createReferralProgram(db, body);
  return NextResponse.json({ program: serializeReferralProgram(program) }, { status: 201 });
});
