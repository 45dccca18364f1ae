import "server-only";
import { ActionButton } from "@/components/ui/action-button";
import { stopViewAsAction } from "@/lib/actions/view-as/stop-view-as";
import { currentUser } from "@/lib/auth/session";
import { currentViewAs } from "@/lib/auth/view-as/current-view-as";

/**
 * The bar on every customer page while a staff member views the account: whose it is, that it is read-only, and
 * Stop. Renders nothing otherwise. It loads what it shows itself, so the account layout needs one line for it.
 */
export async function ViewAsBanner() {
  const signedIn = await currentUser();
  const view = signedIn ? await currentViewAs(signedIn) : null;
  if (!view) return null;
  return (
    <div
      role="status"
      className="sticky top-0 z-20 border-b border-amber-300 bg-amber-50 text-amber-950"
      data-testid="view-as-banner"
    >
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2 sm:px-6">
        <p className="min-w-0 text-sm">
          <svg
            viewBox="0 0 20 20"
            fill="currentColor"
            className="mr-1.5 inline size-4 align-[-3px] text-amber-600"
            aria-hidden
          >
            <path d="M10 3C5.5 3 2.2 6.1 1 10c1.2 3.9 4.5 7 9 7s7.8-3.1 9-7c-1.2-3.9-4.5-7-9-7Zm0 11.5a4.5 4.5 0 1 1 0-9 4.5 4.5 0 0 1 0 9Zm0-2.25a2.25 2.25 0 1 0 0-4.5 2.25 2.25 0 0 0 0 4.5Z" />
          </svg>
          Viewing as{" "}
          <strong className="font-semibold break-all" data-testid="view-as-email">
            {view.customer.email}
          </strong>{" "}
          <span className="text-amber-800">(read-only)</span>
        </p>
        <ActionButton
          action={stopViewAsAction}
          fields={{}}
          label="Stop"
          pendingLabel="Stopping…"
          variant="secondary"
          testId="view-as-stop"
        />
      </div>
    </div>
  );
}
