import type { Metadata } from "next";
import { CreateApiTokenForm } from "@/components/admin/create-api-token-form";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { requireAdminPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  await requireAdminPage("/admin/api-tokens");
  const tokens = await listApiTokens(await getDb());
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            Server-to-server access to <span className="font-mono">/api/v1</span>: send{" "}
            <span className="font-mono">Authorization: Bearer &lt;token&gt;</span>.
          </>
        }
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <Card className="min-w-0">
          {tokens.length === 0 ? (
            <EmptyState title="No API tokens yet" description="Create one with the form." />
          ) : (
            <Table data-testid="api-tokens-table">
              <THead>
                <Tr>
                  <Th>Name</Th>
                  <Th>Scopes</Th>
                  <Th>Created</Th>
                  <Th>Last used</Th>
                  <Th>
                    <span className="sr-only">Status</span>
                  </Th>
                </Tr>
              </THead>
              <TBody>
                {tokens.map((token) => (
                  <Tr
                    key={token.id}
                    data-testid={`api-token-${token.id}`}
                    data-token-name={token.name}
                  >
                    <Td>
                      <div className="font-medium text-zinc-900">{token.name}</div>
                      <div className="font-mono text-xs text-zinc-500">{token.tokenPrefix}…</div>
                    </Td>
                    <Td>
                      <span className="inline-flex flex-wrap gap-1">
                        {token.scopes.map((scope) => (
                          <Badge key={scope}>{scope}</Badge>
                        ))}
                      </span>
                    </Td>
                    <Td className="text-xs whitespace-nowrap">{formatDateTime(token.createdAt)}</Td>
                    <Td className="text-xs whitespace-nowrap">
                      {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "Never"}
                    </Td>
                    <Td className="text-right">
                      {token.revokedAt ? (
                        <Badge tone="red" data-testid="token-revoked">
                          Revoked {formatDateTime(token.revokedAt)}
                        </Badge>
                      ) : (
                        <ActionButton
                          action={revokeApiTokenAction}
                          fields={{ tokenId: token.id }}
                          label="Revoke"
                          pendingLabel="Revoking…"
                          variant="danger"
                          confirm={`Revoke “${token.name}”? Requests using it fail at once.`}
                          testId={`revoke-token-${token.id}`}
                        />
                      )}
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
        <Card className="self-start">
          <CardHeader title="New API token" />
          <CardBody>
            <CreateApiTokenForm action={createApiTokenAction} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
