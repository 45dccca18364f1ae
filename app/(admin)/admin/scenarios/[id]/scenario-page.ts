import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb, type Db } from "@/lib/db";
import { findScenario } from "@/lib/scenarios/admin/find-scenario";

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

/**
 * The scenario a page under /admin/scenarios/<id>/ is about, for staff with `permission` (else the sign-in or
 * no-access redirect); a malformed or unknown id is the 404 page.
 */
export async function requireScenarioPage(rawId: string, path: string, permission: Permission) {
  await requireStaffPage(`/admin/scenarios/${rawId}${path}`, permission);
  const parsedId = idSchema.safeParse(rawId);
  if (!parsedId.success) notFound();
  const db: Db = await getDb();
  const scenario = await findScenario(db, parsedId.data);
  if (!scenario) notFound();
  return { db, scenario };
}
