"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SignOutButton({
  variant = "secondary",
}: {
  variant?: "secondary" | "primary" | "ghost";
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
      {pending ? "Signing out…" : "Sign out"}
    </Button>
  );
}
