"use client";

import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Input, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { SellerSettings } from "@/lib/receipts/seller-settings";

export function ReceiptSellerForm({
  action,
  seller,
}: {
  action: FormAction;
  seller: SellerSettings;
}) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  return (
    <form {...formProps} className="space-y-4" data-testid="receipt-seller-form">
      <FormField label="Seller name" htmlFor="seller-name" error={fieldError(state, "name")}>
        <Input
          id="seller-name"
          name="name"
          defaultValue={seller.name}
          invalid={!!fieldError(state, "name")}
          data-testid="seller-name"
        />
      </FormField>
      <FormField
        label="Address"
        htmlFor="seller-address"
        hint="One line per row, up to four."
        error={fieldError(state, "address_lines")}
      >
        <Textarea
          id="seller-address"
          name="address_lines"
          rows={4}
          defaultValue={seller.address_lines.join("\n")}
          invalid={!!fieldError(state, "address_lines")}
          data-testid="seller-address"
        />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label="VAT ID"
          htmlFor="seller-vat-id"
          hint="Leave empty if not registered for VAT."
          error={fieldError(state, "vat_id")}
        >
          <Input
            id="seller-vat-id"
            name="vat_id"
            defaultValue={seller.vat_id ?? ""}
            invalid={!!fieldError(state, "vat_id")}
            data-testid="seller-vat-id"
          />
        </FormField>
        <FormField
          label="VAT rate (%)"
          htmlFor="seller-vat-rate"
          hint="Prices include VAT; receipts show the VAT contained in the total."
          error={fieldError(state, "vat_rate_percent")}
        >
          <Input
            id="seller-vat-rate"
            name="vat_rate_percent"
            inputMode="decimal"
            defaultValue={String(seller.vat_rate_percent)}
            invalid={!!fieldError(state, "vat_rate_percent")}
            data-testid="seller-vat-rate"
          />
        </FormField>
      </div>
      <FormMessage state={state} />
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingLabel="Saving…" data-testid="seller-submit">
          Save
        </SubmitButton>
      </div>
    </form>
  );
}
