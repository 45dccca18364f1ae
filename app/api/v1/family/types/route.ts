import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { serializeFamilyType } from "@/lib/family/admin/family-type-json";
import { listFamilyTypes } from "@/lib/family/admin/list-family-types";
import { saveFamilyType } from "@/lib/family/admin/save-family-type";
import { createFamilyTypeBodySchema } from "@/lib/api/operations/family";

export const GET = apiRoute({ auth: { token: "api", scope: "family" } }, async ({ db }) => {
  const rows = await listFamilyTypes(db);
  return NextResponse.json({ types: rows.map(serializeFamilyType) });
});

export const POST = apiRoute(
  { auth: { token: "api", scope: "family" }, body: createFamilyTypeBodySchema },
  async ({ db, body }) => {
    const saved = await saveFamilyType(db, {
      masterTypeCode: body.master_subscription_type_code,
      childTypeCode: body.slave_subscription_type_code ?? null,
      donationMethod: body.donation_method,
      donationDays: body.donation_days,
      donationFixedEnd: body.donation_fixed_end,
      count: body.count,
      isPaid: body.is_paid,
      allowSelfUse: body.allow_self_use,
      renewalGapDays: body.renewal_gap_days,
    });
    // The codes were just resolved to these ids: the body names them.
    const json = serializeFamilyType({
      ...saved,
      masterTypeCode: body.master_subscription_type_code,
      childTypeCode: body.slave_subscription_type_code ?? null,
    });
    return NextResponse.json({ type: json }, { status: 201 });
  },
);
