import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { findReferralRow } from "@/lib/referrals/admin/list-referrals";
import { serializeReferralRow } from "@/lib/referrals/admin/referral-admin-json";
import { approveReferral, rejectReferral } from "@/lib/referrals/review-referral";
import { referralIdParam } from "../referral-id";
import { reviewReferralBodySchema } from "./schema";

// An API token acts for no person: the decision is recorded without a reviewer.
export const POST = apiRoute({ auth: { token: "api", scope: "referrals" }, body: reviewReferralBodySchema }, async ({ db, params, body }) => {
  const referralId = referralIdParam(params);
  const review = body.decision === "approve" ? approveReferral : rejectReferral;
  await review(db, { referralId, adminUserId: null });
  const row = await findReferralRow(db, referralId);
  if (!row) throw new Error("a reviewed referral vanished");
  return NextResponse.json({ referral: serializeReferralRow(row) });
});
