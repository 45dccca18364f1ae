import type { ReactNode } from "react";
import { ActionButton } from "@/components/ui/action-button";
import { RowActionLink, RowActions } from "@/components/ui/row-actions";
import type { FormAction } from "@/components/ui/use-form-action";
import type { ScenarioStatus } from "@/lib/db/schema";

export interface ScenarioStatusActions {
  enable: FormAction;
  disable: FormAction;
  duplicate: FormAction;
  delete: FormAction;
  restore: FormAction;
}

/**
 * The status buttons a scenario offers in its current status (the server re-checks the status in its UPDATE): a row of
 * buttons on the scenario's own page (`bare`), a menu in the list's row (with a link to open the scenario).
 */
export function ScenarioRowActions({
  id,
  name,
  status,
  actions,
  published,
  bare = false,
}: {
  id: number;
  /** The scenario's name, for the list's menu button ("Actions for Welcome series"). */
  name?: string;
  status: ScenarioStatus;
  actions: ScenarioStatusActions;
  published: boolean;
  /** On the scenario's own page the test ids need no row id (`scenario-enable`). */
  bare?: boolean;
}) {
  const fields = { id };
  const testId = (action: string) => (bare ? `scenario-${action}` : `scenario-${action}-${id}`);
  const inMenu = (items: ReactNode) =>
    bare ? (
      items
    ) : (
      <div className="flex justify-end">
        <RowActions
          label={`Actions for ${name ?? `scenario ${id}`}`}
          testId={`scenario-actions-${id}`}
        >
          <RowActionLink href={`/admin/scenarios/${id}`}>Open</RowActionLink>
          {items}
        </RowActions>
      </div>
    );
  if (status === "deleted") {
    return inMenu(
      <ActionButton
        action={actions.restore}
        fields={fields}
        label="Restore"
        testId={testId("restore")}
      />,
    );
  }
  const buttons = (
    <>
      {status === "enabled" ? (
        <ActionButton
          action={actions.disable}
          fields={fields}
          label="Disable"
          testId={testId("disable")}
        />
      ) : published ? (
        <ActionButton
          action={actions.enable}
          fields={fields}
          label="Enable"
          variant="primary"
          testId={testId("enable")}
        />
      ) : null}
      <ActionButton
        action={actions.duplicate}
        fields={fields}
        label="Duplicate"
        variant="ghost"
        testId={testId("duplicate")}
      />
      <ActionButton
        action={actions.delete}
        fields={fields}
        label="Delete"
        variant="danger"
        confirm="Delete this scenario? It stops taking new entries; you can restore it later."
        testId={testId("delete")}
      />
    </>
  );
  return inMenu(
    bare ? (
      <div className="flex flex-nowrap items-start justify-end gap-1.5">{buttons}</div>
    ) : (
      buttons
    ),
  );
}
