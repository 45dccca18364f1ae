"use client";

import { createContext, useContext, type ReactNode } from "react";
import { formatUtcDateTime, formatZonedDate, formatZonedDateTime, toDate } from "./format";

const TimeZoneContext = createContext<string>("UTC");

/**
 * The viewer's time zone for every <Time> below it: the admin layout passes the signed-in staff member's zone (their
 * own, else the installation's; lib/time/viewer-time-zone.ts).
 */
export function TimeZoneProvider({
  timeZone,
  children,
}: {
  timeZone: string;
  children: ReactNode;
}) {
  return <TimeZoneContext.Provider value={timeZone}>{children}</TimeZoneContext.Provider>;
}

/** The zone <Time> formats in, for client code that needs a time as text (a chart's tooltip, a button's title). */
export function useViewerTimeZone(): string {
  return useContext(TimeZoneContext);
}

/**
 * A moment, in the viewer's zone and the admin's one format ("6 Dec 2026, 22:54"; `dateOnly`: "6 Dec 2026"), as
 * <time datetime="…ISO…" title="6 Dec 2026, 21:54 UTC">. Nothing (null, undefined, an invalid value): `empty`.
 */
export function Time({
  value,
  dateOnly = false,
  empty = "—",
  className,
  testId,
}: {
  value: Date | string | number | null | undefined;
  dateOnly?: boolean;
  empty?: ReactNode;
  className?: string;
  testId?: string;
}) {
  const timeZone = useViewerTimeZone();
  const date = toDate(value);
  if (!date) return <>{empty}</>;
  return (
    <time
      dateTime={date.toISOString()}
      title={formatUtcDateTime(date)}
      className={className}
      data-testid={testId}
    >
      {dateOnly ? formatZonedDate(date, timeZone) : formatZonedDateTime(date, timeZone)}
    </time>
  );
}
