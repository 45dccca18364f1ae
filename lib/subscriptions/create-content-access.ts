import "server-only";
import { eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { contentAccess, type ContentAccess } from "@/lib/db/schema";
import { conflict, isUniqueViolation, notFound } from "@/lib/errors";
import { contentAccessInputSchema, type ContentAccessInput } from "./schemas";

export async function createContentAccess(
  db: Db,
  options: ContentAccessInput,
): Promise<ContentAccess> {
  const input = contentAccessInputSchema.parse(options);
  try {
    // In a transaction, where the audit log records a staff change (lib/db/connect.ts).
    const [row] = await db.transaction((tx) =>
      tx
        .insert(contentAccess)
        .values({ ...input, description: input.description ?? null, createdAt: now() })
        .returning(),
    );
    if (!row) throw new Error("insert returned no row");
    return row;
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict("content_access_exists", `Content access "${input.code}" exists.`);
    throw error;
  }
}

/** Rename or re-describe a content access; its code is its identity and does not change. */
export async function updateContentAccess(
  db: Db,
  options: { id: number } & Omit<ContentAccessInput, "code">,
): Promise<ContentAccess> {
  const input = contentAccessInputSchema.omit({ code: true }).parse(options);
  // In a transaction, where the audit log records a staff change (lib/db/connect.ts).
  const [row] = await db.transaction((tx) =>
    tx
      .update(contentAccess)
      .set({ ...input, description: input.description ?? null })
      .where(eq(contentAccess.id, options.id))
      .returning(),
  );
  if (!row) throw notFound("content_access_not_found", "No such content access.");
  return row;
}
