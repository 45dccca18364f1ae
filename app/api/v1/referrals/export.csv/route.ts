import { apiRoute } from "@/lib/api/api-route";
import { exportReferralsQuerySchema } from "@/lib/api/operations/admin-tools";
import { csvExportResponse } from "@/lib/exports/csv-export-response";
import { clientAddressOf } from "@/lib/http/client-address";
import { exportReferralsCsv } from "@/lib/referrals/admin/export-referrals-csv";

export const GET = apiRoute(
  { auth: { token: "api", scope: "referrals:read" }, query: exportReferralsQuerySchema },
  async ({ db, principal, query, request }) =>
    csvExportResponse(db, {
      list: "referrals",
      filters: query,
      actor: { kind: "api_token", tokenId: principal.tokenId, name: principal.name },
      clientAddress: clientAddressOf(request.headers),
      stream: exportReferralsCsv(db, {
        status: query.status,
        programId: query.program_id,
        flaggedOnly: query.flagged === "true",
        email: query.email,
      }),
    }),
);
