"use client";

import { type ReactNode, useEffect, useRef } from "react";

/** A modal on the native <dialog>: focus stays inside, Esc closes it, focus returns where it was. */
export function BuilderDialog({
  title,
  onClose,
  children,
  testId,
}: {
  title: string;
  onClose(): void;
  children: ReactNode;
  testId: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      // Esc arrives as `cancel`; the native `close` is not listened to, since unmounting closes the dialog too.
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      aria-labelledby={`${testId}-title`}
      className="m-auto w-full max-w-lg rounded-lg border border-zinc-200 bg-white p-0 shadow-xl backdrop:bg-zinc-900/30"
      data-testid={testId}
    >
      <div className="flex items-center justify-between border-b border-zinc-200 px-5 py-3">
        <h2 id={`${testId}-title`} className="text-base font-semibold text-zinc-900">
          {title}
        </h2>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close"
          className="rounded px-1.5 text-lg leading-none text-zinc-500 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          ×
        </button>
      </div>
      <div className="px-5 py-4">{children}</div>
    </dialog>
  );
}
