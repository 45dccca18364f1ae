"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/**
 * A link in a read-only field with a Copy button. Without the clipboard API (an http origin other than localhost, or
 * a refused permission) the link is selected instead, for the person to copy themselves.
 */
export function CopyLinkField({
  link,
  label,
  labels,
  inputTestId,
  buttonTestId,
}: {
  link: string;
  /** The field's accessible name ("Your referral link"). */
  label: string;
  /** The button and its fallback hint, in the page's language ("Copy", "Copied", "Press Ctrl+C / ⌘C to copy."). */
  labels: { copy: string; copied: string; selectHint: string };
  inputTestId: string;
  buttonTestId: string;
}) {
  const inputId = useId();
  const [copied, setCopied] = useState<"copied" | "selected" | null>(null);

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(link);
      setCopied("copied");
    } catch {
      const input = document.getElementById(inputId);
      if (input instanceof HTMLInputElement) {
        input.focus();
        input.select();
      }
      setCopied("selected");
    }
  }

  return (
    <div className="flex min-w-0 flex-wrap items-center gap-2">
      <Input
        id={inputId}
        readOnly
        value={link}
        aria-label={label}
        className="!w-96 max-w-full font-mono text-xs"
        onFocus={(event) => event.currentTarget.select()}
        data-testid={inputTestId}
        data-link={link}
      />
      <Button size="sm" variant="secondary" onClick={() => void copy()} data-testid={buttonTestId}>
        {copied === "copied" ? labels.copied : labels.copy}
      </Button>
      {copied === "selected" ? (
        <span className="text-xs text-zinc-500">{labels.selectHint}</span>
      ) : null}
    </div>
  );
}
