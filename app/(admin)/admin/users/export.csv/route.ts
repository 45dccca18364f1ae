import type { NextRequest } from "next/server";
import { readUserListFilters, searchParamsOf } from "@/components/admin/list-filters";
import { toErrorResponse } from "@/lib/api/responses";
import { requireStaff } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { csvExportResponse } from "@/lib/exports/csv-export-response";
import { clientAddressOf } from "@/lib/http/client-address";
import { exportUsersCsv } from "@/lib/users/export-users-csv";

/** The users list as CSV, with the filters of the list page's URL (its "Export CSV" link). */
export async function GET(request: NextRequest) {
  try {
    const staff = await requireStaff("customers.read");
    const { query, filters } = readUserListFilters(searchParamsOf(request.nextUrl));
    const db = await getDb();
    return await csvExportResponse(db, {
      list: "users",
      filters: query,
      actor: { kind: "user", userId: staff.id, email: staff.email },
      clientAddress: clientAddressOf(request.headers),
      stream: exportUsersCsv(db, filters),
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
