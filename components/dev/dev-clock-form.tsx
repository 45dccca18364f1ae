"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

const PRESETS = [
  { label: "+1 hour", minutes: 60 },
  { label: "+1 day", minutes: 1440 },
  { label: "+3 days", minutes: 4320 },
];

/** Time travel for development: moves the app's clock forward so sleeps, waits and crons come due. */
export function DevClockForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, null);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {PRESETS.map((preset) => (
          <form key={preset.minutes} action={formAction}>
            <input type="hidden" name="advance_minutes" value={preset.minutes} />
            <SubmitButton variant="secondary" size="sm" data-testid={`advance-${preset.minutes}`}>
              {preset.label}
            </SubmitButton>
          </form>
        ))}
        <form action={formAction} className="flex items-center gap-2">
          <label htmlFor="advance_minutes" className="sr-only">
            Minutes
          </label>
          <Input
            id="advance_minutes"
            name="advance_minutes"
            type="number"
            min={1}
            placeholder="Minutes"
            className="h-8 w-28"
          />
          <SubmitButton variant="secondary" size="sm">
            Advance
          </SubmitButton>
        </form>
      </div>
      <FormMessage state={state} />
    </div>
  );
}
