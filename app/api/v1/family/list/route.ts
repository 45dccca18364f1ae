import { apiRoute, NextResponse } from "@/lib/api/api-route";
import type { FamilyRequest } from "@/lib/db/schema";
import { listMasterFamilyRequests } from "@/lib/family/list-family-requests";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function serializeRequest(request: FamilyRequest, subscriptionTypeCode: string) {
  return {
    code: request.code,
    master_user_id: request.masterUserId,
    status: request.status,
    subscription_type_code: subscriptionTypeCode,
    slave_user_id: request.childUserId,
    created_at: request.createdAt.toISOString(),
    updated_at: request.updatedAt.toISOString(),
    opened_at: iso(request.openedAt),
    accepted_at: iso(request.acceptedAt),
    canceled_at: iso(request.canceledAt),
    expires_at: iso(request.expiresAt),
  };
}

// The master is the token's user: the list is scoped to them in the query.
export const GET = apiRoute({ auth: { token: "user" } }, async ({ db, principal }) => {
  const rows = await listMasterFamilyRequests(db, { masterUserId: principal.user.id });
  return NextResponse.json({
    codes: rows.map((row) => serializeRequest(row.request, row.subscriptionTypeCode)),
  });
});
