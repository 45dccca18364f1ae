import { apiRoute } from "@/lib/api/api-route";
import { exportUsersQuerySchema } from "@/lib/api/operations/admin-tools";
import { csvExportResponse } from "@/lib/exports/csv-export-response";
import { clientAddressOf } from "@/lib/http/client-address";
import { exportUsersCsv } from "@/lib/users/export-users-csv";
import { rolesOfFilter } from "@/lib/users/user-role-filter";

export const GET = apiRoute(
  { auth: { token: "api", scope: "users:read" }, query: exportUsersQuerySchema },
  async ({ db, principal, query, request }) =>
    csvExportResponse(db, {
      list: "users",
      filters: query,
      actor: { kind: "api_token", tokenId: principal.tokenId, name: principal.name },
      clientAddress: clientAddressOf(request.headers),
      stream: exportUsersCsv(db, { search: query.q, roles: rolesOfFilter(query.role) }),
    }),
);
