import { apiRoute } from "@/lib/api/api-route";
import { exportSubscriptionsQuerySchema } from "@/lib/api/operations/admin-tools";
import { csvExportResponse } from "@/lib/exports/csv-export-response";
import { clientAddressOf } from "@/lib/http/client-address";
import { exportSubscriptionsCsv } from "@/lib/subscriptions/export-subscriptions-csv";

export const GET = apiRoute(
  { auth: { token: "api", scope: "subscriptions:read" }, query: exportSubscriptionsQuerySchema },
  async ({ db, principal, query, request }) =>
    csvExportResponse(db, {
      list: "subscriptions",
      filters: query,
      actor: { kind: "api_token", tokenId: principal.tokenId, name: principal.name },
      clientAddress: clientAddressOf(request.headers),
      stream: exportSubscriptionsCsv(db, {
        email: query.email,
        subscriptionTypeId: query.subscription_type_id,
        state: query.state,
      }),
    }),
);
