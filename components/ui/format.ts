import { format } from "date-fns";

/** date-fns formats in the process's zone; shift by the offset so every date reads in UTC, whatever the server's TZ. */
function asUtc(date: Date): Date {
  return new Date(date.getTime() + date.getTimezoneOffset() * 60_000);
}

/** "22 Nov 2026, 14:05 UTC" */
export function formatDateTime(date: Date | null | undefined): string {
  if (!date) return "—";
  return `${format(asUtc(date), "d MMM yyyy, HH:mm")} UTC`;
}

/** "22 Nov 2026" */
export function formatDate(date: Date | null | undefined): string {
  if (!date) return "—";
  return format(asUtc(date), "d MMM yyyy");
}

/** A value for <input type="datetime-local"> in UTC. */
export function toDateTimeLocalUtc(date: Date): string {
  return format(asUtc(date), "yyyy-MM-dd'T'HH:mm");
}
