import { apiRoute } from "@/lib/api/api-route";
import { exportPaymentsQuerySchema } from "@/lib/api/operations/admin-tools";
import { csvExportResponse } from "@/lib/exports/csv-export-response";
import { clientAddressOf } from "@/lib/http/client-address";
import { exportPaymentsCsv } from "@/lib/payments/export-payments-csv";

export const GET = apiRoute(
  { auth: { token: "api", scope: "payments:read" }, query: exportPaymentsQuerySchema },
  async ({ db, principal, query, request }) =>
    csvExportResponse(db, {
      list: "payments",
      filters: query,
      actor: { kind: "api_token", tokenId: principal.tokenId, name: principal.name },
      clientAddress: clientAddressOf(request.headers),
      stream: exportPaymentsCsv(db, { status: query.status, gateway: query.gateway }),
    }),
);
