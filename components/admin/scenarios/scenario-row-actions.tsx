import { ActionButton } from "@/components/ui/action-button";
import type { FormAction } from "@/components/ui/use-form-action";
import type { ScenarioStatus } from "@/lib/db/schema";

export interface ScenarioStatusActions {
  enable: FormAction;
  disable: FormAction;
  duplicate: FormAction;
  delete: FormAction;
  restore: FormAction;
}

/** The status buttons a scenario offers in its current status (the server re-checks the status in its UPDATE). */
export function ScenarioRowActions({
  id,
  status,
  actions,
  published,
  bare = false,
}: {
  id: number;
  status: ScenarioStatus;
  actions: ScenarioStatusActions;
  published: boolean;
  /** On the scenario's own page the test ids need no row id (`scenario-enable`). */
  bare?: boolean;
}) {
  const fields = { id };
  const testId = (name: string) => (bare ? `scenario-${name}` : `scenario-${name}-${id}`);
  if (status === "deleted") {
    return (
      <ActionButton
        action={actions.restore}
        fields={fields}
        label="Restore"
        testId={testId("restore")}
      />
    );
  }
  return (
    <div className="flex flex-nowrap items-start justify-end gap-1.5">
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
    </div>
  );
}
