import type { NextRequest } from "next/server";
import { readReferralListFilters, searchParamsOf } from "@/components/admin/list-filters";
import { toErrorResponse } from "@/lib/api/responses";
import { requireStaff } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { csvExportResponse } from "@/lib/exports/csv-export-response";
import { clientAddressOf } from "@/lib/http/client-address";
import { exportReferralsCsv } from "@/lib/referrals/admin/export-referrals-csv";

/** The referrals list as CSV, with the filters of the list page's URL (its "Export CSV" link). */
export async function GET(request: NextRequest) {
  try {
    const staff = await requireStaff("customers.read");
    const { query, filters } = readReferralListFilters(searchParamsOf(request.nextUrl));
    const db = await getDb();
    return await csvExportResponse(db, {
      list: "referrals",
      filters: query,
      actor: { kind: "user", userId: staff.id, email: staff.email },
      clientAddress: clientAddressOf(request.headers),
      stream: exportReferralsCsv(db, filters),
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
