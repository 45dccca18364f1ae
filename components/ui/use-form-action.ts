"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { ActionState } from "@/lib/actions/action-state";

/** Any server action from defineAction, whatever data it returns on success (forms only read ok/message/errors). */
export type FormAction = (
  state: ActionState<never>,
  formData: FormData,
) => Promise<ActionState<unknown>>;
type ErasedAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * Runs a server action from a form's submit event instead of its `action` prop, so React does not reset the fields
 * when validation fails; the form is reset only after a success.
 */
export function useFormAction(action: FormAction, options: { resetOnSuccess?: boolean } = {}) {
  const [state, dispatch, pending] = useActionState(action as unknown as ErasedAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const resetOnSuccess = options.resetOnSuccess ?? true;

  useEffect(() => {
    if (state?.ok && resetOnSuccess) formRef.current?.reset();
  }, [state, resetOnSuccess]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  }

  return { state, pending, formProps: { ref: formRef, onSubmit, noValidate: true } };
}
