import { notFound } from "@/lib/errors";

/** The `[id]` of a segment route: anything but a positive 32-bit integer cannot name a segment, so it is 404. */
export function segmentIdParam(params: Record<string, string>, key = "id"): number {
  const raw = params[key] ?? "";
  const id = /^\d{1,10}$/.test(raw) ? Number(raw) : 0;
  if (id >= 1 && id <= 2_147_483_647) return id;
  throw key === "id"
    ? notFound("segment_not_found", "No such segment.")
    : notFound("user_not_found", "No such user.");
}
