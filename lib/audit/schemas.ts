import { z } from "zod";
import type { AuditLogFilters } from "./list-audit-log";

const DAY_MS = 24 * 60 * 60 * 1000;

const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);
/** A day as its first instant (UTC), an instant as it is. */
const instantOf = (text: string) => new Date(isDay(text) ? `${text}T00:00:00Z` : text);

/**
 * A bound of the period: a day (`2026-03-01`, whole days in UTC) or an instant with its offset, in years Postgres and
 * JavaScript both write the same way (year 0 and five-digit years are not).
 */
export const auditDateBoundSchema = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .refine(
    (text) => {
      const year = instantOf(text).getUTCFullYear();
      return year >= 1900 && year <= 9000;
    },
    { message: "Give a date between the years 1900 and 9000." },
  );

/**
 * The period `from`–`to` as list-audit-log's half-open [from, until): both bounds are included, a day as a whole (UTC).
 * Takes values auditDateBoundSchema accepted.
 */
export function auditPeriod(bounds: {
  from?: string;
  to?: string;
}): Pick<AuditLogFilters, "from" | "until"> {
  return {
    from: bounds.from ? instantOf(bounds.from) : undefined,
    until: bounds.to
      ? new Date(instantOf(bounds.to).getTime() + (isDay(bounds.to) ? DAY_MS : 1))
      : undefined,
  };
}

/** An actor in a URL: `user:<id>` (a staff member) or `token:<id>` (an API token). */
export function actorFilter(
  text: string | undefined,
): Pick<AuditLogFilters, "actorUserId" | "actorTokenId"> {
  const match = /^(user|token):([1-9]\d{0,9})$/.exec(text ?? "");
  if (!match) return {};
  const id = Number(match[2]);
  if (id > 2_147_483_647) return {};
  return match[1] === "user" ? { actorUserId: id } : { actorTokenId: id };
}
