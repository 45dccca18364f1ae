"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { FAMILY_SEATS_MAX_COUNT } from "@/lib/family/family-seat-price";
import { formatMoney } from "@/lib/money";

export interface SeatTypeOption {
  code: string;
  name: string;
  unitPriceCents: number;
}

/**
 * "Add seats" for one family subscription: a count (and the child type when the family has several), the price for
 * the days left shown live; submitting creates the payment and goes to its checkout.
 */
export function AddSeatsForm({
  action,
  masterSubscriptionId,
  daysLeft,
  seatTypes,
}: {
  action: FormAction;
  masterSubscriptionId: number;
  daysLeft: number;
  seatTypes: SeatTypeOption[];
}) {
  const t = useTranslations("Family");
  const locale = useLocale();
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  const [typeCode, setTypeCode] = useState(seatTypes[0]?.code ?? "");
  const [countText, setCountText] = useState("1");
  const seatType = seatTypes.find((type) => type.code === typeCode);
  const count = Number(countText);
  const valid = Number.isInteger(count) && count >= 1 && count <= FAMILY_SEATS_MAX_COUNT;
  const id = (name: string) => `seats-${masterSubscriptionId}-${name}`;

  return (
    <form
      {...formProps}
      className="space-y-3"
      data-testid={`family-add-seats-${masterSubscriptionId}`}
    >
      <input type="hidden" name="masterSubscriptionId" value={masterSubscriptionId} />
      <div className="flex flex-wrap items-end gap-3">
        {seatTypes.length > 1 ? (
          <FormField label={t("seatType")} htmlFor={id("type")} className="min-w-48 flex-1">
            <Select
              id={id("type")}
              name="subscriptionTypeCode"
              value={typeCode}
              onChange={(event) => setTypeCode(event.target.value)}
              data-testid="family-seats-type"
            >
              {seatTypes.map((type) => (
                <option key={type.code} value={type.code}>
                  {t("seatOption", {
                    name: type.name,
                    price: formatMoney(type.unitPriceCents, locale),
                  })}
                </option>
              ))}
            </Select>
          </FormField>
        ) : (
          <input type="hidden" name="subscriptionTypeCode" value={typeCode} />
        )}
        <FormField
          label={t("seats")}
          htmlFor={id("count")}
          error={fieldError(state, "count")}
          className="w-28"
        >
          <Input
            id={id("count")}
            name="count"
            type="number"
            min={1}
            max={FAMILY_SEATS_MAX_COUNT}
            value={countText}
            onChange={(event) => setCountText(event.target.value)}
            invalid={!valid}
            data-testid="family-seats-count"
          />
        </FormField>
        <SubmitButton
          pending={pending}
          pendingLabel={t("preparing")}
          data-testid="family-seats-submit"
        >
          {t("addSeats")}
        </SubmitButton>
      </div>
      <p className="text-sm text-zinc-600" data-testid="family-seats-total">
        {seatType && valid ? (
          <>
            {count} × {formatMoney(seatType.unitPriceCents, locale)} ={" "}
            <span className="font-semibold text-zinc-900 tabular-nums">
              {formatMoney(seatType.unitPriceCents * count, locale)}
            </span>
          </>
        ) : (
          t("chooseSeats", { max: FAMILY_SEATS_MAX_COUNT })
        )}{" "}
        <span className="text-zinc-500">{t("daysLeft", { count: daysLeft })}</span>
      </p>
      <FormMessage state={state} />
    </form>
  );
}
