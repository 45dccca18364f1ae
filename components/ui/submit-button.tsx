"use client";

import { useFormStatus } from "react-dom";
import { Button, type ButtonSize, type ButtonVariant } from "./button";

/** A submit button that shows the pending state of its form. */
export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  size = "md",
  className,
  pending: pendingProp,
  ...rest
}: {
  children: React.ReactNode;
  pendingLabel?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
  /** For forms submitted through useFormAction, where useFormStatus does not see the request. */
  pending?: boolean;
  "data-testid"?: string;
}) {
  const status = useFormStatus();
  const pending = pendingProp ?? status.pending;
  return (
    <Button
      type="submit"
      variant={variant}
      size={size}
      disabled={pending}
      aria-busy={pending}
      className={className}
      {...rest}
    >
      {pending ? (pendingLabel ?? "Saving…") : children}
    </Button>
  );
}
