import type { SelectHTMLAttributes } from "react";
import type { TimeZoneOption } from "@/lib/time/time-zones";
import { Select } from "./input";

/** A select of IANA time zones (lib/time/time-zones.ts: timeZoneOptions), optionally with a first "none" choice. */
export function TimeZoneSelect({
  options,
  emptyLabel,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & {
  options: readonly TimeZoneOption[];
  invalid?: boolean;
  /** A first option with the value "" (no zone of one's own), labelled so. */
  emptyLabel?: string;
}) {
  return (
    <Select {...props}>
      {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </Select>
  );
}
