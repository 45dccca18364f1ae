import type { Metadata } from "next";
import Link from "next/link";
import {
  hrefWith,
  PAGE_SIZE,
  readPage,
  readText,
  type SearchParams,
} from "@/components/admin/search-params";
import { Badge } from "@/components/ui/badge";
import { buttonClasses, LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requireAdminPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listUsers } from "@/lib/users/list-users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdminPage("/admin/users");
  const params = await searchParams;
  const page = readPage(params);
  const q = readText(params, "q");
  const { rows, total } = await listUsers(await getDb(), {
    search: q,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone with an account: customers and admins."
        actions={
          <LinkButton href="/admin/users/new" data-testid="new-user">
            New user
          </LinkButton>
        }
      />
      <Card>
        <form
          method="get"
          className="flex items-center gap-2 border-b border-zinc-200 px-5 py-3"
          role="search"
        >
          <label htmlFor="q" className="sr-only">
            Search users
          </label>
          <Input
            id="q"
            name="q"
            defaultValue={q}
            placeholder="Search by email or name"
            className="max-w-sm"
            data-testid="user-search"
          />
          <button type="submit" className={buttonClasses("secondary")}>
            Search
          </button>
          {q ? (
            <Link href="/admin/users" className={buttonClasses("ghost")}>
              Clear
            </Link>
          ) : null}
        </form>
        {rows.length === 0 ? (
          <EmptyState
            title={q ? "No users match" : "No users yet"}
            description={
              q
                ? `Nobody's email or name contains “${q}”.`
                : "Create the first one, or let people register."
            }
          />
        ) : (
          <Table data-testid="users-table">
            <THead>
              <Tr>
                <Th>Email</Th>
                <Th>Name</Th>
                <Th>Role</Th>
                <Th>Created</Th>
                <Th>Last sign-in</Th>
              </Tr>
            </THead>
            <TBody>
              {rows.map((user) => (
                <Tr key={user.id} className="hover:bg-zinc-50">
                  <Td>
                    <Link
                      href={`/admin/users/${user.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {user.email}
                    </Link>
                  </Td>
                  <Td>{user.name ?? <span className="text-zinc-400">—</span>}</Td>
                  <Td>
                    <Badge tone={user.role === "admin" ? "violet" : "gray"}>{user.role}</Badge>
                  </Td>
                  <Td className="whitespace-nowrap">{formatDateTime(user.createdAt)}</Td>
                  <Td className="whitespace-nowrap">{formatDateTime(user.lastLoginAt)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        <Pagination
          page={page}
          pageSize={PAGE_SIZE}
          total={total}
          hrefFor={(n) => hrefWith("/admin/users", { q, page: n })}
        />
      </Card>
    </>
  );
}
