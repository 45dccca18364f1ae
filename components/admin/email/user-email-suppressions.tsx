import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import {
  addEmailSuppressionAction,
  liftEmailSuppressionAction,
} from "@/lib/actions/email/email-suppression-actions";
import type { EmailSuppressionRow } from "@/lib/email/suppressions/list-email-suppressions";
import {
  SUPPRESSION_REASON_LABELS,
  type SuppressionReason,
} from "@/lib/email/suppressions/schemas";
import { AddSuppressionForm } from "./add-suppression-form";

const reasonLabel = (reason: string) =>
  SUPPRESSION_REASON_LABELS[reason as SuppressionReason] ?? reason;

/**
 * The suppressions of a user's address: whether marketing mail reaches it now, the active suppression with a Lift
 * button, the lifted ones as history, and a form to suppress it by hand (both for staff with automation.write).
 */
export function UserEmailSuppressions({
  address,
  rows,
  canChange,
}: {
  address: string;
  rows: EmailSuppressionRow[];
  canChange: boolean;
}) {
  const active = rows.find((row) => row.liftedAt === null);
  return (
    <section className="space-y-3" data-testid="user-email-suppressions">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-medium text-zinc-900">Suppression</h3>
        {active ? (
          <Badge tone="red" data-testid="suppression-status">
            Suppressed
          </Badge>
        ) : (
          <Badge tone="green" data-testid="suppression-status">
            Receives marketing mail
          </Badge>
        )}
      </div>
      <p className="text-xs text-zinc-500">
        A suppressed address gets no newsletters or offers; account mail (receipts, password resets)
        still goes.
      </p>
      {rows.length > 0 ? (
        <ul className="divide-y divide-zinc-100 rounded-md border border-zinc-200 text-sm">
          {rows.map((row) => (
            <li
              key={row.id}
              className="flex flex-wrap items-start justify-between gap-3 px-3 py-2.5"
              data-testid={`suppression-${row.id}`}
            >
              <div className="min-w-0 space-y-0.5">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium text-zinc-900">{reasonLabel(row.reason)}</span>
                  {row.liftedAt ? <Badge>Lifted</Badge> : <Badge tone="red">Active</Badge>}
                </div>
                <p className="text-xs text-zinc-500">
                  Since <Time value={row.createdAt} />
                  {row.liftedAt ? (
                    <>
                      {" "}
                      · lifted <Time value={row.liftedAt} />
                      {row.liftedByEmail ? ` by ${row.liftedByEmail}` : null}
                    </>
                  ) : null}
                </p>
                {row.detail ? (
                  <p className="text-xs break-words text-zinc-600">{row.detail}</p>
                ) : null}
              </div>
              {canChange && !row.liftedAt ? (
                <ActionButton
                  action={liftEmailSuppressionAction}
                  fields={{ suppressionId: row.id }}
                  label="Lift"
                  pendingLabel="Lifting…"
                  confirm={`Send marketing mail to ${address} again?`}
                  testId={`lift-suppression-${row.id}`}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canChange && !active ? (
        <AddSuppressionForm action={addEmailSuppressionAction} address={address} />
      ) : null}
    </section>
  );
}
