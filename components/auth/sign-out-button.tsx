"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** `labels` come from the translated zones; the admin's button stays English. */
export function SignOutButton({
  variant = "secondary",
  labels = { idle: "Sign out", pending: "Signing out…" },
}: {
  variant?: "secondary" | "primary" | "ghost";
  labels?: { idle: string; pending: string };
}) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      size="sm"
      variant={variant}
      disabled={pending}
      data-testid="sign-out"
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/login" });
      }}
    >
      {pending ? labels.pending : labels.idle}
    </Button>
  );
}
