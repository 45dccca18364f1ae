import "server-only";
import { asc } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { segmentFilter, type SegmentTarget } from "./segment-filter";

export interface SegmentMember {
  id: number;
  email: string;
  name: string | null;
}

/** A page of the segment's members now, by user id (a sample for the admin, not an export). */
export async function listSegmentUsers(
  db: Db,
  options: { target: SegmentTarget; page?: number; pageSize?: number },
): Promise<SegmentMember[]> {
  const pageSize = Math.min(Math.max(options.pageSize ?? 20, 1), 200);
  const page = Math.max(options.page ?? 1, 1);
  const where = await segmentFilter(db, options.target);
  return db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(where)
    .orderBy(asc(users.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
}
