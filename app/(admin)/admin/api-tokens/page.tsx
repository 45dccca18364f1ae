import type { Metadata } from "next";
import { CreateApiTokenForm } from "@/components/admin/create-api-token-form";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Time } from "@/components/ui/time";
import { PageHeader } from "@/components/ui/page-header";
import { Folded, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { API_SCOPES, roleAllowsScope } from "@/lib/api-tokens/api-scopes";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const staff = await requireStaffPage("/admin/api-tokens", "staff.manage");
  const tokens = await listApiTokens(await getDb());
  // A token cannot do more than the person who creates it (lib/api-tokens/create-api-token.ts checks the same).
  const grantable = API_SCOPES.filter(({ scope }) => roleAllowsScope(staff.role, scope));
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            Server-to-server access to <span className="font-mono">/api/v1</span>: send{" "}
            <span className="font-mono">Authorization: Bearer &lt;token&gt;</span>. A token acts
            with at most the current role of the person who created it.
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
                  <Th hideBelow="lg">Created</Th>
                  <Th hideBelow="lg">By</Th>
                  <Th hideBelow="md">Last used</Th>
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
                      <Folded below="lg" label="Created">
                        <Time value={token.createdAt} />
                        {token.creatorEmail ? ` by ${token.creatorEmail}` : " by a script"}
                      </Folded>
                      <Folded below="md" label="Last used">
                        <Time value={token.lastUsedAt} empty="never" />
                      </Folded>
                    </Td>
                    <Td>
                      <span className="inline-flex flex-wrap gap-1">
                        {token.scopes.map((scope) =>
                          token.creatorRole && !roleAllowsScope(token.creatorRole, scope) ? (
                            <Badge
                              key={scope}
                              tone="amber"
                              className="line-through"
                              data-testid={`withdrawn-scope-${scope}`}
                            >
                              {scope}
                            </Badge>
                          ) : (
                            <Badge key={scope}>{scope}</Badge>
                          ),
                        )}
                      </span>
                    </Td>
                    <Td className="text-xs whitespace-nowrap" hideBelow="lg">
                      <Time value={token.createdAt} />
                    </Td>
                    <Td className="text-xs" hideBelow="lg">
                      {token.creatorEmail && token.creatorRole ? (
                        <>
                          <div>{token.creatorEmail}</div>
                          <div className="text-zinc-500">{ROLE_LABELS[token.creatorRole]} now</div>
                        </>
                      ) : (
                        <span className="text-zinc-500">no person (script)</span>
                      )}
                    </Td>
                    <Td className="text-xs whitespace-nowrap" hideBelow="md">
                      <Time value={token.lastUsedAt} empty="Never" />
                    </Td>
                    <Td className="text-right">
                      {token.revokedAt ? (
                        <span className="inline-flex flex-col items-end gap-0.5">
                          <Badge tone="red" data-testid="token-revoked">
                            Revoked
                          </Badge>
                          <Time value={token.revokedAt} className="text-xs text-zinc-500" />
                        </span>
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
            <CreateApiTokenForm action={createApiTokenAction} scopes={grantable} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
