import { format } from "date-fns";
import type { Locale } from "@/lib/i18n/locales";

/** date-fns formats in the process's zone; shift by the offset so every date reads in UTC, whatever the server's TZ. */
function asUtc(date: Date): Date {
  return new Date(date.getTime() + date.getTimezoneOffset() * 60_000);
}

/** A value for <input type="datetime-local"> in UTC. */
export function toDateTimeLocalUtc(date: Date): string {
  return format(asUtc(date), "yyyy-MM-dd'T'HH:mm");
}

// ---- Times in a time zone: the admin's one format ("6 Dec 2026, 22:54"), in the viewer's zone, UTC on hover
// (components/ui/time.tsx). Built from numeric parts, so a server and a browser with different ICU data agree.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A date, an ISO string or epoch milliseconds as a Date; null for nothing or an invalid value. */
export function toDate(value: Date | string | number | null | undefined): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let known = wallClockFormats.get(timeZone);
  if (!known) {
    known = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      hourCycle: "h23",
    });
    wallClockFormats.set(timeZone, known);
  }
  return known;
}

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0–23 */
  hour: number;
  minute: number;
}

/** What a clock on the wall in `timeZone` (IANA; an unknown zone reads as UTC) shows at `date`. */
export function wallClock(date: Date, timeZone: string): WallClock {
  let format: Intl.DateTimeFormat;
  try {
    format = wallClockFormat(timeZone);
  } catch {
    format = wallClockFormat("UTC");
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(date)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
  };
}

const twoDigits = (value: number) => String(value).padStart(2, "0");

/** "6 Dec 2026" in `timeZone`; "—" for no date. */
export function formatZonedDate(
  value: Date | string | number | null | undefined,
  timeZone: string,
): string {
  const date = toDate(value);
  if (!date) return "—";
  const clock = wallClock(date, timeZone);
  return `${clock.day} ${MONTHS[clock.month - 1]} ${clock.year}`;
}

/** "6 Dec 2026, 22:54" in `timeZone` (24-hour); "—" for no date. The one format of times in the admin. */
export function formatZonedDateTime(
  value: Date | string | number | null | undefined,
  timeZone: string,
): string {
  const date = toDate(value);
  if (!date) return "—";
  const clock = wallClock(date, timeZone);
  return `${formatZonedDate(date, timeZone)}, ${twoDigits(clock.hour)}:${twoDigits(clock.minute)}`;
}

// ---- The translated zones' dates: the reader's language and time zone (next-intl's config, i18n/request.ts: the
// viewer's zone). The admin's calls pass neither and read in UTC.

/** "22 Nov 2026" (en); "22. 11. 2026" (sk: numeric, as Slovaks write dates), in `timeZone`. */
export function formatDate(
  date: Date | null | undefined,
  locale: Locale = "en",
  timeZone = "UTC",
): string {
  if (!date) return "—";
  if (locale !== "sk") return formatZonedDate(date, timeZone);
  const clock = wallClock(date, timeZone);
  return `${clock.day}. ${clock.month}. ${clock.year}`;
}

/**
 * "22 Nov 2026, 14:05" (en); "22. 11. 2026 14:05" (sk), in `timeZone`. UTC is named ("… 14:05 UTC"); another zone is
 * the reader's own, so it is not.
 */
export function formatDateTime(
  date: Date | null | undefined,
  locale: Locale = "en",
  timeZone = "UTC",
): string {
  if (!date) return "—";
  const clock = wallClock(date, timeZone);
  const time = `${twoDigits(clock.hour)}:${twoDigits(clock.minute)}`;
  const moment =
    locale === "sk"
      ? `${formatDate(date, locale, timeZone)} ${time}`
      : `${formatZonedDate(date, timeZone)}, ${time}`;
  return timeZone === "UTC" ? `${moment} UTC` : moment;
}

/** "6 Dec 2026, 21:54 UTC": what hovering a time shows. */
export function formatUtcDateTime(value: Date | string | number | null | undefined): string {
  const date = toDate(value);
  return date ? `${formatZonedDateTime(date, "UTC")} UTC` : "—";
}
