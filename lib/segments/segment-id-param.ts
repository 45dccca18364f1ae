import { pathIdParam } from "@/lib/api/path-id-param";
import { notFound } from "@/lib/errors";

/** The `[id]` (or `[userId]`) of a segment route: anything but a positive 32-bit integer is 404. */
export function segmentIdParam(params: Record<string, string>, key = "id"): number {
  return pathIdParam(params, key, () =>
    key === "id"
      ? notFound("segment_not_found", "No such segment.")
      : notFound("user_not_found", "No such user."),
  );
}
