"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { BuilderDialog } from "./builder-dialog";

/** Publish with an optional note. A refusal keeps the dialog open with the reason; the issues list shows the rest. */
export function PublishDialog({
  onPublish,
  onClose,
}: {
  onPublish(note: string): Promise<{ ok: boolean; message: string }>;
  onClose(): void;
}) {
  const [note, setNote] = useState("");
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  return (
    <BuilderDialog title="Publish a new version" onClose={onClose} testId="publish-dialog">
      <form
        className="space-y-3"
        onSubmit={async (event) => {
          event.preventDefault();
          setPending(true);
          setRefusal(null);
          const result = await onPublish(note);
          setPending(false);
          if (result.ok) onClose();
          else setRefusal(result.message);
        }}
      >
        <p className="text-sm text-zinc-600">
          The saved draft is checked and, if it is valid, becomes the next version. Runs already
          under way finish on the version they started with.
        </p>
        <label className="block text-sm font-medium text-zinc-800" htmlFor="publish-note">
          Note <span className="font-normal text-zinc-500">(optional)</span>
        </label>
        <textarea
          id="publish-note"
          value={note}
          onChange={(event) => setNote(event.target.value)}
          maxLength={500}
          rows={3}
          className="block w-full rounded-md border border-zinc-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500/30"
          placeholder="What changed"
          data-testid="publish-note"
        />
        {refusal ? (
          <p role="alert" className="text-sm text-red-700" data-testid="publish-refusal">
            {refusal}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending} data-testid="publish-submit">
            {pending ? "Publishing…" : "Publish"}
          </Button>
        </div>
      </form>
    </BuilderDialog>
  );
}
