import "server-only";
import { z } from "zod";
import { DAY_MS } from "@/lib/clock";
import { defineCriterion } from "./define-criterion";

const dateValue = z.iso.date({ message: "Enter a date (YYYY-MM-DD)." });
const daysValue = z.number().int().min(0).max(36_500);

export default defineCriterion<string | number>({
  kind: "user",
  key: "registration_date",
  label: "Registration date",
  operators: [
    { op: "before", label: "before" },
    { op: "after", label: "on or after" },
    { op: "within_days", label: "within the last N days" },
    { op: "more_than_days_ago", label: "more than N days ago" },
  ],
  valueInput: "date",
  value: z.union([dateValue, daysValue]),
  requires: null,
  async evaluate(context, operator, value) {
    const registered = (await context.user()).createdAt;
    const actual = registered.toISOString();
    if (operator === "before" || operator === "after") {
      if (typeof value !== "string") return { holds: false, actual };
      const boundary = new Date(`${value}T00:00:00Z`).getTime();
      return {
        holds:
          operator === "before"
            ? registered.getTime() < boundary
            : registered.getTime() >= boundary,
        actual,
      };
    }
    if (typeof value !== "number") return { holds: false, actual };
    const cutoff = context.now.getTime() - value * DAY_MS;
    return {
      holds:
        operator === "within_days" ? registered.getTime() >= cutoff : registered.getTime() < cutoff,
      actual,
    };
  },
});
