"use client";

import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

export function OutboundHostsForm({
  action,
  allowedHosts,
}: {
  action: FormAction;
  allowedHosts: readonly string[];
}) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  return (
    <form {...formProps} className="space-y-4" data-testid="outbound-hosts-form">
      <FormField
        label="Hosts"
        htmlFor="outbound-allowed-hosts"
        hint="One per line: a host name (crm.internal), host:port (10.0.0.5:8080) or [IPv6 address]. Exact matches only; a host without a port allows every port."
        error={fieldError(state, "allowed_hosts")}
      >
        <Textarea
          id="outbound-allowed-hosts"
          name="allowed_hosts"
          rows={6}
          defaultValue={allowedHosts.join("\n")}
          invalid={!!fieldError(state, "allowed_hosts")}
          data-testid="outbound-allowed-hosts"
        />
      </FormField>
      <FormMessage state={state} />
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingLabel="Saving…" data-testid="outbound-hosts-submit">
          Save
        </SubmitButton>
      </div>
    </form>
  );
}
