"use client";

import { useState } from "react";
import { USER_ROLES } from "@/lib/auth/permissions";
import { Input, Select } from "@/components/ui/input";
import { centsToDecimal, parseMoney } from "@/lib/money";
import { operatorMeta } from "@/lib/segments/segment-rule-fields";
import type { SegmentLeafRule } from "@/lib/segments/segment-rules";

export interface Choice {
  code: string;
  name: string;
}

/** What the rule builder can offer in its selects, loaded by the page. */
export interface SegmentFormOptions {
  contentAccess: Choice[];
  subscriptionTypes: Choice[];
  /** Other segments (not the one being edited). */
  segments: Choice[];
}

type ValuePatch = Partial<
  Record<"value" | "date" | "days" | "content_access" | "subscription_type", string | number | null>
>;

/**
 * Each input only sets the key its operator's value kind owns (see segment-rule-fields.ts), so the patched object is
 * still a valid member of the union; the schema checks it again before counting or saving.
 */
function patch(rule: SegmentLeafRule, values: ValuePatch): SegmentLeafRule {
  return { ...rule, ...values } as SegmentLeafRule;
}

/** A whole number typed in a number input; blank stays NaN so validation asks for a value instead of guessing 0. */
const wholeNumber = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

function MoneyInput({
  cents,
  onChange,
  testId,
}: {
  cents: number;
  onChange: (cents: number) => void;
  testId: string;
}) {
  // Keep what the person typed ("4.5") rather than re-rendering it from cents on every keystroke.
  const [text, setText] = useState(Number.isSafeInteger(cents) ? centsToDecimal(cents) : "");
  return (
    <Input
      inputMode="decimal"
      value={text}
      placeholder="4.99"
      className="w-32"
      onChange={(event) => {
        setText(event.target.value);
        onChange(parseMoney(event.target.value) ?? Number.NaN);
      }}
      data-testid={testId}
    />
  );
}

function ChoiceSelect({
  value,
  choices,
  empty,
  onChange,
  testId,
}: {
  value: string | null | undefined;
  choices: Choice[];
  empty: string;
  onChange: (code: string | null) => void;
  testId: string;
}) {
  return (
    <Select
      value={value ?? ""}
      onChange={(event) => onChange(event.target.value || null)}
      className="w-auto"
      data-testid={testId}
    >
      <option value="">{empty}</option>
      {choices.map((choice) => (
        <option key={choice.code} value={choice.code}>
          {choice.name} ({choice.code})
        </option>
      ))}
    </Select>
  );
}

/** The value input(s) fitting a rule's field and operator. */
export function SegmentRuleValue({
  rule,
  onChange,
  options,
  testId,
}: {
  rule: SegmentLeafRule;
  onChange: (rule: SegmentLeafRule) => void;
  options: SegmentFormOptions;
  testId: string;
}) {
  const kind = operatorMeta(rule.field, rule.operator)?.value ?? "none";
  const valueId = `${testId}-value`;
  const text = "value" in rule && typeof rule.value === "string" ? rule.value : "";
  const number = "value" in rule && typeof rule.value === "number" ? rule.value : Number.NaN;
  switch (kind) {
    case "none":
      return null;
    case "text":
    case "domain":
      return (
        <Input
          value={text}
          placeholder={kind === "domain" ? "example.com" : ""}
          onChange={(event) => onChange(patch(rule, { value: event.target.value }))}
          className="w-56"
          data-testid={valueId}
        />
      );
    case "role":
      return (
        <Select
          value={text}
          onChange={(event) => onChange(patch(rule, { value: event.target.value }))}
          className="w-auto"
          data-testid={valueId}
        >
          {USER_ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </Select>
      );
    case "date":
      return (
        <Input
          type="date"
          value={"date" in rule ? rule.date.slice(0, 10) : ""}
          onChange={(event) => onChange(patch(rule, { date: event.target.value }))}
          className="w-44"
          data-testid={valueId}
        />
      );
    case "days":
      return (
        <Input
          type="number"
          min={0}
          value={"days" in rule && Number.isFinite(rule.days) ? rule.days : ""}
          onChange={(event) => onChange(patch(rule, { days: wholeNumber(event.target.value) }))}
          className="w-28"
          data-testid={valueId}
        />
      );
    case "count":
      return (
        <Input
          type="number"
          min={0}
          value={Number.isFinite(number) ? number : ""}
          onChange={(event) => onChange(patch(rule, { value: wholeNumber(event.target.value) }))}
          className="w-28"
          data-testid={valueId}
        />
      );
    case "money":
      return (
        <MoneyInput
          cents={number}
          onChange={(cents) => onChange(patch(rule, { value: cents }))}
          testId={valueId}
        />
      );
    case "segment":
      return (
        <ChoiceSelect
          value={text}
          choices={options.segments}
          empty="Choose a segment"
          onChange={(code) => onChange(patch(rule, { value: code ?? "" }))}
          testId={valueId}
        />
      );
    case "subscription":
      return rule.field === "subscription" ? (
        <span className="inline-flex flex-wrap gap-2">
          <ChoiceSelect
            value={rule.content_access}
            choices={options.contentAccess}
            empty="any content access"
            onChange={(code) => onChange(patch(rule, { content_access: code }))}
            testId={`${testId}-content-access`}
          />
          <ChoiceSelect
            value={rule.subscription_type}
            choices={options.subscriptionTypes}
            empty="of any type"
            onChange={(code) => onChange(patch(rule, { subscription_type: code }))}
            testId={`${testId}-subscription-type`}
          />
        </span>
      ) : null;
  }
}
