"use client";

import { useState, type ReactNode } from "react";
import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Checkbox, Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type {
  ProgramFormRegistries,
  RegistryFormEntry,
} from "@/lib/referrals/admin/program-form-entries";
import type { ProgramInput } from "@/lib/referrals/schemas";
import {
  initialProgramFormValues,
  programInputFromForm,
  type OptionValues,
  type ProgramFormValues,
} from "./program-form-values";
import { RegistryOptionsFields } from "./registry-options-fields";

function FieldMessage({ id, messages }: { id: string; messages: string[] | undefined }) {
  return messages?.[0] ? (
    <p className="text-xs text-red-600" role="alert" data-testid={`error-${id}`}>
      {messages[0]}
    </p>
  ) : null;
}

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-3 border-t border-zinc-100 pt-4">
      <legend className="text-sm font-semibold text-zinc-900">{title}</legend>
      {hint ? <p className="-mt-1 text-xs text-zinc-500">{hint}</p> : null}
      {children}
    </fieldset>
  );
}

/**
 * Create or edit a referral program. Each trigger, constraint and reward type comes from its registry, and its options
 * fields from the entry's JSON Schema; the whole program is submitted as one JSON field and validated on the server
 * with `programInputSchema`, whose messages come back keyed by field.
 */
export function ReferralProgramForm({
  action,
  registries,
  initial,
}: {
  action: FormAction;
  registries: ProgramFormRegistries;
  initial?: { id: number; program: ProgramInput };
}) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  const [values, setValues] = useState<ProgramFormValues>(() =>
    initialProgramFormValues(registries, initial?.program),
  );
  const errors = (key: string) => fieldError(state, key);
  const update = (patch: Partial<ProgramFormValues>) =>
    setValues((current) => ({ ...current, ...patch }));
  const setOptions = (
    group: "triggerOptions" | "constraintOptions" | "rewardOptions" | "friendRewardOptions",
    type: string,
    options: OptionValues,
  ) => setValues((current) => ({ ...current, [group]: { ...current[group], [type]: options } }));

  /** The reward type select and its options: the referrer's (required) or the friend's ("None" allowed). */
  const rewardChoice = (role: "reward" | "friend_reward") => {
    const friend = role === "friend_reward";
    const idPrefix = friend ? "program-friend-reward" : "program-reward";
    const type = friend ? values.friendRewardType : values.rewardType;
    const optionsGroup = friend ? "friendRewardOptions" : "rewardOptions";
    const entry = registries.rewards.find((candidate) => candidate.type === type);
    return (
      <>
        <FormField
          label="Reward type"
          htmlFor={`${idPrefix}-type`}
          hint={entry?.description}
          error={errors(`${role}.type`)}
        >
          <Select
            id={`${idPrefix}-type`}
            data-testid={`${idPrefix}-type`}
            value={type}
            onChange={(event) =>
              update(
                friend
                  ? { friendRewardType: event.target.value }
                  : { rewardType: event.target.value },
              )
            }
          >
            {friend ? <option value="">None</option> : null}
            {registries.rewards.map((candidate) => (
              <option key={candidate.type} value={candidate.type}>
                {candidate.label}
              </option>
            ))}
          </Select>
        </FormField>
        {entry ? (
          <RegistryOptionsFields
            schema={entry.schema}
            values={values[optionsGroup][entry.type] ?? {}}
            onChange={(options) => setOptions(optionsGroup, entry.type, options)}
            idPrefix={idPrefix}
            errors={errors}
            errorKey={`${role}.options`}
          />
        ) : null}
      </>
    );
  };

  const checklist = (kind: "trigger" | "constraint", entries: RegistryFormEntry[]) => {
    const list = kind === "trigger" ? "triggers" : "constraints";
    const optionsGroup = kind === "trigger" ? "triggerOptions" : "constraintOptions";
    return entries.map((entry) => {
      const id = `program-${kind}-${entry.type}`;
      const checked = values[list][entry.type] === true;
      return (
        <div key={entry.type} className="space-y-2">
          <Checkbox
            id={id}
            data-testid={id}
            label={entry.label}
            description={entry.description}
            checked={checked}
            onChange={(event) =>
              update({ [list]: { ...values[list], [entry.type]: event.target.checked } })
            }
          />
          <FieldMessage id={id} messages={errors(`${list}.${entry.type}.type`)} />
          {checked ? (
            <div className="pl-6">
              <RegistryOptionsFields
                schema={entry.schema}
                values={values[optionsGroup][entry.type] ?? {}}
                onChange={(options) => setOptions(optionsGroup, entry.type, options)}
                idPrefix={id}
                errors={errors}
                errorKey={`${list}.${entry.type}.options`}
              />
            </div>
          ) : null}
        </div>
      );
    });
  };

  return (
    <form {...formProps} className="space-y-5" data-testid="referral-program-form">
      {initial ? <input type="hidden" name="id" value={initial.id} /> : null}
      <input
        type="hidden"
        name="program"
        value={JSON.stringify(programInputFromForm(registries, values))}
      />
      {state && !state.ok && state.error === "validation_error" ? null : (
        <FormMessage state={state} />
      )}

      <FormField label="Name" htmlFor="program-name" error={errors("name")}>
        <Input
          id="program-name"
          data-testid="program-name"
          value={values.name}
          invalid={!!errors("name")}
          autoComplete="off"
          onChange={(event) => update({ name: event.target.value })}
        />
      </FormField>
      <div className="flex flex-wrap gap-6">
        <Checkbox
          data-testid="program-active"
          label="Active"
          description="Inactive programs take no new referrals; pending ones still complete."
          checked={values.active}
          onChange={(event) => update({ active: event.target.checked })}
        />
        <div className="space-y-1">
          <Checkbox
            data-testid="program-default"
            label="Default"
            description="New referrals join it; making it the default un-defaults the current one."
            checked={values.isDefault}
            onChange={(event) => update({ isDefault: event.target.checked })}
          />
          <FieldMessage id="program-default" messages={errors("is_default")} />
        </div>
      </div>

      <Section
        title="Triggers"
        hint="Any of them completes a pending referral (when the constraints hold)."
      >
        <FieldMessage id="program-triggers" messages={errors("triggers")} />
        {checklist("trigger", registries.triggers)}
      </Section>

      <Section title="Constraints" hint="All of them must hold.">
        <FieldMessage id="program-constraints" messages={errors("constraints")} />
        {checklist("constraint", registries.constraints)}
      </Section>

      <Section title="Referrer's reward">{rewardChoice("reward")}</Section>

      <Section
        title="Friend's reward"
        hint="Optional: a reward for the referred friend too (double-sided)."
      >
        {rewardChoice("friend_reward")}
      </Section>

      <Section title="Hold period">
        <FormField
          label="Hold rewards for (days)"
          htmlFor="program-hold-days"
          hint="Rewards earned by the friend's payment are granted this many days later, unless it is refunded first (a later refund takes back what is unused). 0: at once. Sign-up rewards are never held."
          error={errors("reward_hold_days")}
        >
          <Input
            id="program-hold-days"
            data-testid="program-hold-days"
            inputMode="numeric"
            autoComplete="off"
            className="sm:max-w-40"
            value={values.rewardHoldDays}
            invalid={!!errors("reward_hold_days")}
            onChange={(event) => update({ rewardHoldDays: event.target.value })}
          />
        </FormField>
      </Section>

      <Section title="Limits">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <FormField
            label="Rewards per referrer (optional)"
            htmlFor="program-cap"
            hint="Past it, referrals still complete but the referrer gets nothing. Empty: no cap."
            error={errors("max_rewards_per_referrer")}
          >
            <Input
              id="program-cap"
              data-testid="program-cap"
              inputMode="numeric"
              autoComplete="off"
              value={values.cap}
              invalid={!!errors("max_rewards_per_referrer")}
              onChange={(event) => update({ cap: event.target.value })}
            />
          </FormField>
          <FormField
            label="Review window (days)"
            htmlFor="program-review-window"
            hint="A friend seen on the referrer's browser or IP within these days is held for review; 0 turns the browser and IP check off."
            error={errors("review_window_days")}
          >
            <Input
              id="program-review-window"
              data-testid="program-review-window"
              inputMode="numeric"
              autoComplete="off"
              value={values.reviewWindowDays}
              invalid={!!errors("review_window_days")}
              onChange={(event) => update({ reviewWindowDays: event.target.value })}
            />
          </FormField>
        </div>
      </Section>

      {state && !state.ok && state.error === "validation_error" ? (
        <p className="text-sm text-red-600" role="alert" data-testid="program-form-invalid">
          {errors("form")?.[0] ?? "Check the highlighted fields."}
        </p>
      ) : null}
      <div className="flex justify-end border-t border-zinc-100 pt-4">
        <SubmitButton pending={pending} pendingLabel="Saving…" data-testid="program-save">
          {initial ? "Save changes" : "Create program"}
        </SubmitButton>
      </div>
    </form>
  );
}
