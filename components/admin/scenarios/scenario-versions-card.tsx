import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { FormAction } from "@/components/ui/use-form-action";
import type { ScenarioVersionRow } from "@/lib/scenarios/manage/list-scenario-versions";
import { presentGraph } from "@/lib/scenarios/graph";

/** The version history: view a version's graph read-only, or copy it into the draft. */
export function ScenarioVersionsCard({
  scenarioId,
  versions,
  viewing,
  restoreAction,
  canRestore,
}: {
  scenarioId: number;
  versions: ScenarioVersionRow[];
  viewing: { number: number; graph: unknown } | null;
  restoreAction: FormAction;
  canRestore: boolean;
}) {
  return (
    <Card data-testid="scenario-versions">
      <CardHeader title="Versions" description="Published graphs never change: runs finish on the version they entered." />
      {versions.length === 0 ? (
        <p className="px-5 py-4 text-sm text-zinc-500" data-testid="scenario-versions-empty">Not published yet.</p>
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>Version</Th>
              <Th>Published</Th>
              <Th>By</Th>
              <Th>Note</Th>
              <Th className="text-right">Actions</Th>
            </Tr>
          </THead>
          <TBody>
            {versions.map((version) => (
              <Tr key={version.id} data-testid={`scenario-version-${version.number}`}>
                <Td className="whitespace-nowrap tabular-nums">
                  v{version.number} {version.isCurrent ? <Badge tone="green">current</Badge> : null}
                </Td>
                <Td className="whitespace-nowrap">{formatDateTime(version.createdAt)}</Td>
                <Td className="text-zinc-600">{version.publishedByEmail ?? "API"}</Td>
                <Td className="text-zinc-600">{version.note ?? ""}</Td>
                <Td>
                  <div className="flex items-start justify-end gap-1.5">
                    <Link
                      href={`/admin/scenarios/${scenarioId}?view=${version.number}#versions`}
                      className="px-2 py-1.5 text-xs font-medium text-brand-700 hover:underline"
                      data-testid={`scenario-version-view-${version.number}`}
                    >
                      View
                    </Link>
                    {canRestore ? (
                      <ActionButton
                        action={restoreAction}
                        fields={{ id: scenarioId, number: version.number }}
                        label="Restore into draft"
                        confirm={`Replace the draft graph with version ${version.number}?`}
                        testId={`scenario-version-restore-${version.number}`}
                      />
                    ) : null}
                  </div>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {viewing ? (
        <div id="versions" className="border-t border-zinc-200 px-5 py-4">
          <p className="mb-2 text-sm font-medium">Version {viewing.number} (read-only)</p>
          <pre className="max-h-96 overflow-auto rounded-md bg-zinc-50 p-3 font-mono text-xs" data-testid="scenario-version-json">
            {JSON.stringify(presentGraph(viewing.graph), null, 2)}
          </pre>
        </div>
      ) : null}
    </Card>
  );
}
