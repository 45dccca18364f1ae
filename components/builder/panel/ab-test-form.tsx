"use client";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { newVariant, totalMessage, variantCodeMessage } from "./ab-variants";
import { DraftNumberInput } from "./draft-number-input";
import type { NodeFormProps } from "./form-props";
import { parseInteger } from "./parse-text";

type Variant = NodeFormProps<"ab_test">["config"]["variants"][number];

/** The variants a user is split between, with their shares and the running total. */
export function AbTestForm({ config, issues, onChange }: NodeFormProps<"ab_test">) {
  const { variants } = config;
  const total = totalMessage(variants);
  const update = (index: number, patch: Partial<Variant>) =>
    onChange({ variants: variants.map((v, i) => (i === index ? { ...v, ...patch } : v)) });
  const listIssue = issues.at("variants")[0];
  return (
    <fieldset className="min-w-0 space-y-2">
      <legend className="mb-1 text-sm font-medium text-zinc-800">Variants</legend>
      <div
        className="grid grid-cols-[3.5rem_1fr_4rem_2rem] gap-x-1.5 text-xs font-medium text-zinc-500"
        aria-hidden
      >
        <span>Code</span>
        <span>Name</span>
        <span>%</span>
      </div>
      {variants.map((variant, index) => {
        const codeMessage =
          variantCodeMessage(variants, index) ?? issues.at(`variants.${index}.code`)[0];
        const nameMessage = issues.at(`variants.${index}.name`)[0];
        const percentMessage = issues.at(`variants.${index}.percent`)[0];
        const rowMessages = [codeMessage, nameMessage].filter(
          (m): m is string => typeof m === "string",
        );
        return (
          <div key={index} className="space-y-1">
            <div className="grid grid-cols-[3.5rem_1fr_4rem_2rem] items-start gap-x-1.5">
              <Input
                data-testid={`variant-code-${index}`}
                aria-label={`Variant ${index + 1} code`}
                autoComplete="off"
                className="px-2 font-mono"
                value={variant.code}
                invalid={codeMessage !== undefined && codeMessage !== null}
                onChange={(event) => update(index, { code: event.target.value.trim() })}
              />
              <Input
                data-testid={`variant-name-${index}`}
                aria-label={`Variant ${index + 1} name`}
                autoComplete="off"
                className="px-2"
                value={variant.name}
                invalid={nameMessage !== undefined}
                onChange={(event) => update(index, { name: event.target.value })}
              />
              <div>
                <DraftNumberInput
                  id={`variant-percent-${index}`}
                  aria-label={`Variant ${index + 1} percent`}
                  className="px-2"
                  value={variant.percent}
                  format={String}
                  parse={parseInteger}
                  message={percentMessage}
                  onValue={(percent) => update(index, { percent })}
                />
              </div>
              <Button
                variant="ghost"
                size="sm"
                className="h-9 px-0"
                data-testid={`variant-remove-${index}`}
                aria-label={`Remove variant ${variant.code || index + 1}`}
                title={variants.length <= 2 ? "An A/B test needs two variants" : "Remove variant"}
                disabled={variants.length <= 2}
                onClick={() => onChange({ variants: variants.filter((_, i) => i !== index) })}
              >
                ✕
              </Button>
            </div>
            {rowMessages.map((message) => (
              <p key={message} className="text-xs text-red-600">
                {message}
              </p>
            ))}
          </div>
        );
      })}
      <div className="flex items-center justify-between gap-2 pt-1">
        <p
          className={`text-sm font-medium ${total.ok ? "text-zinc-700" : "text-red-600"}`}
          data-testid="ab-total"
          aria-live="polite"
        >
          {total.text}
        </p>
        <Button
          variant="secondary"
          size="sm"
          data-testid="variant-add"
          disabled={variants.length >= 10}
          onClick={() => onChange({ variants: [...variants, newVariant(variants)] })}
        >
          + Add variant
        </Button>
      </div>
      {listIssue ? <p className="text-xs text-red-600">{listIssue}</p> : null}
    </fieldset>
  );
}
