import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { notFound } from "@/lib/errors";
import { findReferralProgram } from "@/lib/referrals/admin/list-referral-programs";
import { listReferrals } from "@/lib/referrals/admin/list-referrals";
import { serializeReferralRow } from "@/lib/referrals/admin/referral-admin-json";
import { referralProgramIdParamSchema } from "../schema";
import { listProgramReferralsQuerySchema } from "./schema";

export const GET = apiRoute(
  { auth: { token: "api", scope: "referrals" }, query: listProgramReferralsQuerySchema },
  async ({ db, params, query }) => {
    const id = referralProgramIdParamSchema.safeParse(params.id);
    const program = id.success ? await findReferralProgram(db, id.data) : null;
    if (!program) throw notFound("referral_program_not_found", "No such referral program.");
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
