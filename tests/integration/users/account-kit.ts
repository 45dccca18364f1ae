import { and, desc, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "@/lib/db";
import { emailLog, type EmailLogEntry, type User } from "@/lib/db/schema";
import { createUser } from "@/lib/users/create-user";

/** Shared by the self-service tests (profile, email change, password change and reset): data each test makes itself. */

export const PASSWORD = "first-password";
export const NEW_PASSWORD = "second-password";

let counter = 0;

export function uniqueEmail(label = "person"): string {
  counter++;
  return `${label}-${counter}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

export function makeUser(db: Db, options: { email?: string; name?: string } = {}): Promise<User> {
  return createUser(db, {
    email: options.email ?? uniqueEmail(),
    password: PASSWORD,
    name: options.name ?? "Pat Doe",
  });
}

/** Every email sent to an address with a template code, newest first. */
export function sentTo(db: Db, to: string, templateCode: string): Promise<EmailLogEntry[]> {
  return db
    .select()
    .from(emailLog)
    .where(and(eq(emailLog.toAddress, to), eq(emailLog.templateCode, templateCode)))
    .orderBy(desc(emailLog.id));
}

/** The token at the end of the link in the newest such email (`…/reset-password/<token>`), read from its text body. */
export async function tokenFromLatestEmail(
  db: Db,
  to: string,
  templateCode: string,
  pathPrefix: string,
): Promise<string> {
  const [latest] = await sentTo(db, to, templateCode);
  expect(latest, `an email ${templateCode} to ${to}`).toBeDefined();
  const match = new RegExp(`${pathPrefix}/([A-Za-z0-9_-]{43})`).exec(latest!.bodyText);
  expect(match, latest!.bodyText).not.toBeNull();
  return match![1]!;
}
