import "server-only";
import { cache } from "react";
import { currentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getSetting } from "@/lib/settings";
import { isTimeZone } from "./time-zones";

/** A user's zone if they chose one the runtime knows, else the installation's (`installation.time_zone`). */
export function resolveTimeZone(userTimeZone: string | null | undefined, installation: string) {
  return isTimeZone(userTimeZone) ? userTimeZone : installation;
}

/**
 * The zone times are shown in for this request's signed-in person: their own (`users.time_zone`), else the
 * installation's setting (default UTC). Once per request.
 */
export const getViewerTimeZone = cache(async (): Promise<string> => {
  const user = await currentUser();
  if (user && isTimeZone(user.timeZone)) return user.timeZone;
  return getSetting(await getDb(), "installation.time_zone");
});
