import "server-only";
import { NextResponse } from "next/server";
import { recordAuditEvent, type AuditEventActor } from "@/lib/audit/record-audit-event";
import { now } from "@/lib/clock";
import { csvHeaders } from "@/lib/csv/csv-stream";
import type { Db } from "@/lib/db";

/** The lists that can be exported, by the table each one lists (the audit log's entity type). */
export type ExportedList = "users" | "subscriptions" | "payments" | "referrals";

/**
 * A CSV export's response: the export is recorded in the audit log first (`export.<list>`, with the filters it was
 * asked for), then the rows stream out. The filename carries the list and the day (UTC).
 */
export async function csvExportResponse(
  db: Db,
  options: {
    list: ExportedList;
    /** The filters as the request wrote them, for the audit entry. */
    filters: Record<string, unknown>;
    actor: AuditEventActor;
    clientAddress: string | null;
    stream: ReadableStream<Uint8Array>;
  },
): Promise<NextResponse> {
  const filters = Object.fromEntries(
    Object.entries(options.filters).filter(([, value]) => value !== undefined && value !== ""),
  );
  await recordAuditEvent(db, {
    actor: options.actor,
    action: `export.${options.list}`,
    entityType: options.list,
    details: { format: "csv", filters },
    clientAddress: options.clientAddress,
  });
  const day = now().toISOString().slice(0, 10);
  return new NextResponse(options.stream, { headers: csvHeaders(`${options.list}-${day}.csv`) });
}
