import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { findReferralProgram } from "@/lib/referrals/admin/list-referral-programs";
import { listReferrals } from "@/lib/referrals/admin/list-referrals";
import { serializeReferralRow } from "@/lib/referrals/admin/referral-admin-json";
import { programNotFound, referralProgramIdParam } from "@/lib/referrals/referral-program-id-param";
import { listProgramReferralsQuerySchema } from "@/lib/api/operations/referral-programs";

export const GET = apiRoute(
  { auth: { token: "api", scope: "referrals" }, query: listProgramReferralsQuerySchema },
  async ({ db, params, query }) => {
    const program = await findReferralProgram(db, referralProgramIdParam(params));
    if (!program) throw programNotFound();
    const { rows, total } = await listReferrals(db, {
      programId: program.id,
      status: query.status,
      flaggedOnly: query.flagged === "true",
      email: query.email,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
    return NextResponse.json({ referrals: rows.map(serializeReferralRow), total });
  },
);
