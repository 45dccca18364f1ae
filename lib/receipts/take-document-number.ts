import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { documentCounters } from "@/lib/db/schema";
import type { DocumentKind } from "./document-number-format";

/**
 * The next number of a kind's counter for a year, in one statement: the upsert creates the year's row at 1 or
 * increments it, and the row stays locked until the caller's transaction ends. Concurrent payments therefore queue on
 * the counter, and a transaction that rolls back gives its number back — the sequence has no gaps.
 *
 * Lock order: the counter is the last row a payment's transaction locks (after the payment, the user and the
 * subscriptions), so holding it never waits for a row another payment's transaction holds while queueing here.
 */
export async function takeDocumentNumber(
  tx: Db,
  options: { kind: DocumentKind; year: number },
): Promise<number> {
  const [row] = await tx
    .insert(documentCounters)
    .values({ kind: options.kind, year: options.year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [documentCounters.kind, documentCounters.year],
      set: { lastNumber: sql`${documentCounters.lastNumber} + 1` },
    })
    .returning({ lastNumber: documentCounters.lastNumber });
  if (!row) throw new Error("document counter upsert returned no row");
  return row.lastNumber;
}
