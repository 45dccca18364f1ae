"use client";

import { useState } from "react";
import { Input } from "@/components/ui/input";
import {
  CUSTOMIZABLE_FAMILY_MAX_CHILD_COUNT,
  type CustomizableFamilyOption,
} from "@/lib/family/customizable-family-payment";
import { formatMoney, parseMoney } from "@/lib/money";

/** A typed unit price, or the type's own price when empty; null when it is not a price. */
function unitPrice(text: string, fallbackCents: number): number | null {
  if (text.trim() === "") return fallbackCents;
  const cents = parseMoney(text);
  return cents !== null && cents >= 0 ? cents : null;
}

/**
 * The items of a customizable family payment, inside the payment form once its first item is a customizable family
 * type: the master item's unit price (count 1), then per child type a count and a unit price, and the total, live.
 * Posted in the form's parallel lists (itemType[], itemCount[], itemPrice[]) after the first row's type: a child
 * type with no count is left out (its inputs carry no name), so the lists stay aligned.
 */
export function CustomizableFamilyItems({
  family,
  masterPriceCents,
}: {
  family: CustomizableFamilyOption;
  masterPriceCents: number;
}) {
  const [masterPrice, setMasterPrice] = useState("");
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [prices, setPrices] = useState<Record<string, string>>({});

  const masterUnit = unitPrice(masterPrice, masterPriceCents);
  let total: number | null = masterUnit;
  let children = 0;
  for (const type of family.childTypes) {
    const countText = counts[type.code]?.trim() ?? "";
    if (countText === "" || countText === "0") continue;
    const count = Number(countText);
    const unit = unitPrice(prices[type.code] ?? "", type.priceCents);
    children += 1;
    if (
      !Number.isInteger(count) ||
      count < 1 ||
      count > CUSTOMIZABLE_FAMILY_MAX_CHILD_COUNT ||
      unit === null ||
      total === null
    )
      total = null;
    else total += count * unit;
  }

  return (
    <div className="space-y-3" data-testid="customizable-family-items">
      <input type="hidden" name="itemCount[]" value="1" />
      <label className="flex items-center justify-between gap-3 text-sm text-zinc-700">
        <span>Family price (once)</span>
        <Input
          name="itemPrice[]"
          inputMode="decimal"
          placeholder={formatMoney(masterPriceCents)}
          value={masterPrice}
          onChange={(event) => setMasterPrice(event.target.value)}
          aria-label="Family unit price"
          className="!w-28 text-right"
          data-testid="family-master-price"
        />
      </label>
      <div className="rounded-md border border-zinc-200">
        <div className="grid grid-cols-[1fr_4.5rem_6rem] gap-2 border-b border-zinc-200 px-3 py-2 text-xs font-medium text-zinc-500">
          <span>Child subscription type</span>
          <span>Count</span>
          <span className="text-right">Unit price</span>
        </div>
        <ul className="divide-y divide-zinc-100">
          {family.childTypes.map((type) => {
            const countText = counts[type.code] ?? "";
            const included = countText.trim() !== "" && countText.trim() !== "0";
            return (
              <li
                key={type.code}
                className="grid grid-cols-[1fr_4.5rem_6rem] items-center gap-2 px-3 py-2"
                data-testid={`family-child-${type.code}`}
              >
                {included ? <input type="hidden" name="itemType[]" value={type.code} /> : null}
                <span className="min-w-0 truncate text-sm text-zinc-800" title={type.name}>
                  {type.name}
                </span>
                <Input
                  name={included ? "itemCount[]" : undefined}
                  type="number"
                  min={0}
                  max={CUSTOMIZABLE_FAMILY_MAX_CHILD_COUNT}
                  placeholder="0"
                  value={countText}
                  onChange={(event) => setCounts({ ...counts, [type.code]: event.target.value })}
                  aria-label={`${type.name} count`}
                  data-testid={`family-child-count-${type.code}`}
                />
                <Input
                  name={included ? "itemPrice[]" : undefined}
                  inputMode="decimal"
                  placeholder={formatMoney(type.priceCents)}
                  value={prices[type.code] ?? ""}
                  onChange={(event) => setPrices({ ...prices, [type.code]: event.target.value })}
                  aria-label={`${type.name} unit price`}
                  className="text-right"
                  data-testid={`family-child-price-${type.code}`}
                />
              </li>
            );
          })}
        </ul>
      </div>
      <div className="flex items-baseline justify-between text-sm">
        <span className="text-zinc-500">
          {children === 0
            ? "Give at least one child type a count."
            : `${children} child type${children === 1 ? "" : "s"}`}
        </span>
        <span
          className="font-semibold text-zinc-900 tabular-nums"
          data-testid="family-payment-total"
        >
          Total {total === null ? "—" : formatMoney(total)}
        </span>
      </div>
    </div>
  );
}
