import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { readId, readText, type SearchParams } from "@/components/admin/search-params";
import { LinkedTypesForm } from "@/components/admin/upgrades/linked-types-form";
import { UpgradeOptionForm } from "@/components/admin/upgrades/upgrade-option-form";
import { UpgradeSchemaNameForm } from "@/components/admin/upgrades/upgrade-schema-name-form";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { ReadOnlyNotice, ReadOnlyUnless } from "@/components/admin/read-only-unless";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatMoney } from "@/lib/money";
import { listContentAccess } from "@/lib/subscriptions/list-content-access";
import { listSubscriptionTypes } from "@/lib/subscriptions/list-subscription-types";
import { findUpgradeSchema } from "@/lib/upgrades/admin/find-upgrade-schema";
import { UPGRADE_TYPE_LABELS } from "@/lib/upgrades/option-config";
import {
  deleteUpgradeOptionAction,
  deleteUpgradeSchemaAction,
  saveLinkedTypesAction,
  saveUpgradeOptionAction,
  saveUpgradeSchemaAction,
} from "../actions";

export const metadata: Metadata = { title: "Upgrade schema" };

const codes = (list: readonly string[] | undefined) => (list?.length ? list.join(", ") : "—");

export default async function UpgradeSchemaPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  const staff = await requireStaffPage(`/admin/upgrades/${id}`, "catalog.read");
  const canChange = can(staff.role, "catalog.write");
  const schemaId = z.coerce.number().int().positive().max(2_147_483_647).safeParse(id);
  if (!schemaId.success) notFound();
  const query = await searchParams;
  const db = await getDb();
  const [detail, contentAccess, types] = await Promise.all([
    findUpgradeSchema(db, schemaId.data),
    listContentAccess(db),
    listSubscriptionTypes(db),
  ]);
  if (!detail) notFound();
  const { schema, options, linkedTypes } = detail;
  const editing = options.find((option) => option.id === readId(query, "edit"));
  return (
    <>
      <PageHeader
        title={schema.name}
        description={`${options.length} ${options.length === 1 ? "option" : "options"} · linked to ${linkedTypes.length} subscription ${linkedTypes.length === 1 ? "type" : "types"}`}
        back={
          <Link href="/admin/upgrades" className="text-zinc-500 hover:text-zinc-900">
            ← Upgrades
          </Link>
        }
        actions={
          canChange ? (
            <ActionButton
              action={deleteUpgradeSchemaAction}
              fields={{ schemaId: schema.id }}
              label="Delete schema"
              pendingLabel="Deleting…"
              variant="danger"
              confirm="Delete this schema with its options and links? Subscribers of the linked types stop seeing its offers."
              testId="upgrade-schema-delete"
            />
          ) : null
        }
      />
      <ReadOnlyNotice allowed={canChange} />
      {readText(query, "saved") ? (
        <Notice tone="success" className="mb-4" data-testid="saved-notice">
          Option saved.
        </Notice>
      ) : null}
      <div className="grid grid-cols-1 gap-6 2xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader
              title="Options"
              description="Per method and target, the best option is offered."
            />
            {options.length === 0 ? (
              <EmptyState
                title="No options yet"
                description={canChange ? "Add one with the form below." : undefined}
              />
            ) : (
              <Table data-testid="options-table">
                <THead>
                  <Tr>
                    <Th>Method</Th>
                    <Th>Requires</Th>
                    <Th>Omits</Th>
                    <Th className="text-right">Monthly fix</Th>
                    <Th>Tags</Th>
                    <Th>Target</Th>
                    <Th>
                      <span className="sr-only">Actions</span>
                    </Th>
                  </Tr>
                </THead>
                <TBody>
                  {options.map((option) => (
                    <Tr key={option.id} data-testid={`option-row-${option.id}`}>
                      <Td>
                        <Badge tone="violet" data-testid={`option-row-${option.id}-type`}>
                          {option.type}
                        </Badge>
                        <span className="sr-only">{UPGRADE_TYPE_LABELS[option.type]}</span>
                      </Td>
                      <Td
                        className="font-mono text-xs"
                        data-testid={`option-row-${option.id}-require`}
                      >
                        {codes(option.config.require_content)}
                      </Td>
                      <Td className="font-mono text-xs">{codes(option.config.omit_content)}</Td>
                      <Td className="text-right tabular-nums">
                        {option.config.monthly_fix !== undefined
                          ? formatMoney(option.config.monthly_fix)
                          : "—"}
                      </Td>
                      <Td className="font-mono text-xs">{codes(option.config.require_tags)}</Td>
                      <Td>
                        {option.targetTypeName ?? <span className="text-zinc-400">Automatic</span>}
                      </Td>
                      <Td className="text-right whitespace-nowrap">
                        <div className="inline-flex items-start gap-2">
                          {canChange ? (
                            <>
                              <Link
                                href={`/admin/upgrades/${schema.id}?edit=${option.id}`}
                                className="py-1.5 text-sm font-medium text-brand-700 hover:underline"
                                data-testid={`option-edit-${option.id}`}
                              >
                                Edit
                              </Link>
                              <ActionButton
                                action={deleteUpgradeOptionAction}
                                fields={{ schemaId: schema.id, optionId: option.id }}
                                label="Delete"
                                pendingLabel="Deleting…"
                                variant="danger"
                                confirm="Delete this option?"
                                testId={`option-delete-${option.id}`}
                              />
                            </>
                          ) : null}
                        </div>
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
          </Card>
          {canChange ? (
            <Card>
              <CardHeader
                title={editing ? "Edit option" : "Add option"}
                actions={
                  editing ? (
                    <Link
                      href={`/admin/upgrades/${schema.id}`}
                      className="text-sm text-zinc-500 hover:text-zinc-900"
                    >
                      Cancel
                    </Link>
                  ) : undefined
                }
              />
              <CardBody className="px-6 py-5">
                <UpgradeOptionForm
                  key={editing?.id ?? "new"}
                  action={saveUpgradeOptionAction}
                  schemaId={schema.id}
                  contentAccess={contentAccess}
                  subscriptionTypes={types}
                  initial={
                    editing
                      ? {
                          optionId: editing.id,
                          type: editing.type,
                          requireContent: editing.config.require_content,
                          omitContent: editing.config.omit_content ?? [],
                          monthlyFixCents: editing.config.monthly_fix ?? null,
                          tags: editing.config.require_tags ?? [],
                          targetTypeCode: editing.targetTypeCode,
                        }
                      : undefined
                  }
                />
              </CardBody>
            </Card>
          ) : null}
        </div>
        <div className="space-y-6 self-start">
          <Card>
            <CardHeader title="Schema" />
            <CardBody>
              <ReadOnlyUnless allowed={canChange}>
                <UpgradeSchemaNameForm
                  action={saveUpgradeSchemaAction}
                  initial={{ id: schema.id, name: schema.name }}
                />
              </ReadOnlyUnless>
            </CardBody>
          </Card>
          <Card>
            <CardHeader
              title="Linked subscription types"
              description="Subscribers of these types are offered the options."
            />
            <CardBody>
              <ReadOnlyUnless allowed={canChange}>
                <LinkedTypesForm
                  action={saveLinkedTypesAction}
                  schemaId={schema.id}
                  types={types}
                  linkedCodes={linkedTypes.map((type) => type.code)}
                />
              </ReadOnlyUnless>
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
