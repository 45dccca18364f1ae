import "server-only";
import { and, count, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { emailLog, type EmailLogEntry, type EmailStatus } from "@/lib/db/schema";

export interface ListEmailLogOptions {
  status?: EmailStatus;
  /** Matches the recipient, subject or template code, case-insensitively. */
  search?: string;
  limit: number;
  offset: number;
}

/** A page of the mailbox, newest first, with the total that matches. Bodies are left out of the list. */
export async function listEmailLog(db: Db, options: ListEmailLogOptions) {
  const conditions: SQL[] = [];
  if (options.status) conditions.push(eq(emailLog.status, options.status));
  const term = options.search?.trim();
  if (term) {
    const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        ilike(emailLog.toAddress, pattern),
        ilike(emailLog.subject, pattern),
        ilike(emailLog.templateCode, pattern),
      )!,
    );
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: emailLog.id,
        userId: emailLog.userId,
        templateCode: emailLog.templateCode,
        toAddress: emailLog.toAddress,
        subject: emailLog.subject,
        status: emailLog.status,
        transport: emailLog.transport,
        attempts: emailLog.attempts,
        error: emailLog.error,
        createdAt: emailLog.createdAt,
        sentAt: emailLog.sentAt,
      })
      .from(emailLog)
      .where(where)
      .orderBy(desc(emailLog.createdAt), desc(emailLog.id))
      .limit(options.limit)
      .offset(options.offset),
    db.select({ total: count() }).from(emailLog).where(where),
  ]);
  return { rows, total: totals?.total ?? 0 };
}

export async function findEmailLogEntry(db: Db, id: number): Promise<EmailLogEntry | null> {
  const [entry] = await db.select().from(emailLog).where(eq(emailLog.id, id)).limit(1);
  return entry ?? null;
}
