import { describe, expect, it } from "vitest";
import type { CriterionOption } from "@/lib/scenarios/builder-option-types";
import {
  changeCriterion,
  changeOperator,
  criterionValueMessage,
  groupCriteria,
  requiresHint,
  valueInputKind,
} from "@/components/builder/panel/criterion-values";
import { describeCriteria, findCriterion } from "@/lib/scenarios/criteria";
import type { Criterion, CriterionKind } from "@/lib/scenarios/nodes/condition/definition";

const options: CriterionOption[] = describeCriteria();
const option = (kind: CriterionKind, key: string) =>
  options.find((o) => o.kind === kind && o.key === key)!;

describe("panel criteria editor — inputs, resets and inline value checks", () => {
  it("groups the registry's criteria by kind, in registry order", () => {
    expect(groupCriteria(options).map((g) => g.label)).toEqual([
      "User",
      "Subscription",
      "Payment",
      "Trigger",
    ]);
    expect(groupCriteria(options).flatMap((g) => g.options)).toHaveLength(options.length);
  });

  it("takes a date or a number of days for the registration date, by operator", () => {
    const registration = option("user", "registration_date");
    expect(valueInputKind(registration, "before")).toBe("date");
    expect(valueInputKind(registration, "after")).toBe("date");
    expect(valueInputKind(registration, "within_days")).toBe("days");
    expect(valueInputKind(registration, "more_than_days_ago")).toBe("days");
    expect(valueInputKind(option("subscription", "type"), "is")).toBe("subscription_types");
    expect(valueInputKind(option("subscription", "kind"), "is")).toEqual(
      option("subscription", "kind").valueInput,
    );
  });

  it("resets a row to the criterion's first operator and an empty value when the criterion changes", () => {
    expect(changeCriterion(option("payment", "amount"))).toEqual({
      kind: "payment",
      key: "amount",
      operator: "eq",
    });
    expect(changeCriterion(option("user", "email_domain"))).toEqual({
      kind: "user",
      key: "email_domain",
      operator: "is",
      value: "",
    });
    expect(changeCriterion(option("subscription", "is_paid"))).toEqual({
      kind: "subscription",
      key: "is_paid",
      operator: "is",
      value: true,
    });
    expect(changeCriterion(option("subscription", "type"))).toEqual({
      kind: "subscription",
      key: "type",
      operator: "is",
      value: [],
    });
    const kind = option("subscription", "kind");
    expect(changeCriterion(kind).value).toBe((kind.valueInput as { options: string[] }).options[0]);
  });

  it("keeps the value across operators that take the same input, and clears it when the input changes", () => {
    const amount = option("payment", "amount");
    const row: Criterion = { kind: "payment", key: "amount", operator: "lt", value: 1000 };
    expect(changeOperator(row, amount, "gte")).toEqual({ ...row, operator: "gte" });
    const registration = option("user", "registration_date");
    const byDate: Criterion = {
      kind: "user",
      key: "registration_date",
      operator: "before",
      value: "2026-01-01",
    };
    expect(changeOperator(byDate, registration, "after")).toEqual({ ...byDate, operator: "after" });
    expect(changeOperator(byDate, registration, "within_days")).toEqual({
      kind: "user",
      key: "registration_date",
      operator: "within_days",
    });
  });

  it("flags a value exactly when the criterion's own schema refuses it", () => {
    const rows: Criterion[] = [
      { kind: "payment", key: "amount", operator: "lt", value: 999 },
      { kind: "payment", key: "amount", operator: "lt", value: -1 },
      { kind: "payment", key: "amount", operator: "lt" },
      { kind: "user", key: "email_domain", operator: "is", value: "gmail.com" },
      { kind: "user", key: "email_domain", operator: "is", value: "  " },
      { kind: "user", key: "registration_date", operator: "before", value: "2026-03-01" },
      { kind: "user", key: "registration_date", operator: "before", value: "" },
      { kind: "user", key: "registration_date", operator: "within_days", value: 30 },
      { kind: "user", key: "registration_date", operator: "within_days", value: -2 },
      { kind: "user", key: "has_content_access", operator: "has", value: "premium" },
      { kind: "user", key: "has_content_access", operator: "has", value: "" },
      { kind: "subscription", key: "type", operator: "is", value: ["monthly"] },
      { kind: "subscription", key: "type", operator: "is", value: [] },
      { kind: "subscription", key: "length", operator: "gt", value: 30 },
      { kind: "subscription", key: "length", operator: "gt", value: 1.5 },
      { kind: "subscription", key: "is_paid", operator: "is", value: false },
      { kind: "subscription", key: "kind", operator: "is", value: "nonsense" },
      { kind: "trigger", key: "has_payment", operator: "is", value: true },
    ];
    for (const row of rows) {
      const server = findCriterion(row.kind, row.key)!.value.safeParse(row.value).success;
      expect([row, criterionValueMessage(option(row.kind, row.key), row) === null]).toEqual([
        row,
        server,
      ]);
    }
  });

  it("writes money bounds in currency units and names what to choose", () => {
    expect(
      criterionValueMessage(option("payment", "amount"), {
        kind: "payment",
        key: "amount",
        operator: "lt",
        value: -1,
      }),
    ).toBe("Must be at least 0.00.");
    expect(
      criterionValueMessage(option("user", "has_content_access"), {
        kind: "user",
        key: "has_content_access",
        operator: "has",
        value: "",
      }),
    ).toBe("Choose a content access.");
  });

  it("says which trigger data a criterion needs", () => {
    expect(requiresHint(option("payment", "amount").requires)).toBe(
      "Needs a trigger with payment data.",
    );
    expect(requiresHint(option("user", "email_domain").requires)).toBeNull();
  });
});
