import { z } from "zod";

/**
 * IANA time zones (Europe/Bratislava): the installation's (`installation.time_zone`, lib/settings.ts) and a user's own
 * (`users.time_zone`), in which the admin shows times. UI-safe: the selects list the same zones the server accepts.
 */
export const DEFAULT_TIME_ZONE = "UTC";

let supported: ReadonlySet<string> | null = null;

/** The zones this runtime knows (`Intl.supportedValuesOf`), with UTC, which V8 leaves out of that list. */
export function supportedTimeZones(): ReadonlySet<string> {
  supported ??= new Set([DEFAULT_TIME_ZONE, ...Intl.supportedValuesOf("timeZone")]);
  return supported;
}

export function isTimeZone(value: unknown): value is string {
  return typeof value === "string" && supportedTimeZones().has(value);
}

/**
 * The runtime's name of a zone: itself when listed, else the listed zone it is an alias of (ICU keeps some older names:
 * "Asia/Kolkata" → "Asia/Calcutta" on Node 20; "Etc/UTC" → "UTC"); null for what is not a zone.
 */
export function canonicalTimeZone(value: string): string | null {
  if (supportedTimeZones().has(value)) return value;
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions()
      .timeZone;
    return supportedTimeZones().has(resolved) ? resolved : null;
  } catch {
    return null;
  }
}

/**
 * A zone the server accepts: one of `Intl.supportedValuesOf("timeZone")` or UTC, or an alias of one (stored as the
 * listed name, so the selects show it chosen).
 */
export const timeZoneSchema = z
  .string()
  .trim()
  .transform((value, context) => {
    const zone = canonicalTimeZone(value);
    if (zone === null) {
      context.addIssue({
        code: "custom",
        message: "Choose a time zone from the list (such as Europe/Bratislava).",
      });
      return z.NEVER;
    }
    return zone;
  })
  .meta({ description: "IANA time zone, e.g. Europe/Bratislava.", example: "Europe/Bratislava" });

/** "GMT+1", "GMT-3:30", "GMT" for UTC: the zone's offset from UTC at `at`. */
export function utcOffsetLabel(timeZone: string, at: Date): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "shortOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName");
  // Some ICU versions write UTC itself as "GMT+0".
  return !part || part.value === "GMT+0" ? "GMT" : part.value;
}

export interface TimeZoneOption {
  value: string;
  /** "Europe/Bratislava (GMT+1)" */
  label: string;
}

/** The options of a time zone select, their offsets as of `at`: UTC first, then every zone by name. */
export function timeZoneOptions(at: Date): TimeZoneOption[] {
  const zones = [...supportedTimeZones()].filter((zone) => zone !== DEFAULT_TIME_ZONE).sort();
  return [
    { value: DEFAULT_TIME_ZONE, label: "UTC" },
    ...zones.map((zone) => ({
      value: zone,
      label: `${zone.replaceAll("_", " ")} (${utcOffsetLabel(zone, at)})`,
    })),
  ];
}
