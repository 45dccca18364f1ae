import type { Metadata } from "next";
import Link from "next/link";
import { ExportCsvLink } from "@/components/admin/export-csv-link";
import { readUserListFilters } from "@/components/admin/list-filters";
import { RoleBadge } from "@/components/admin/role-badge";
import { hrefWith, PAGE_SIZE, readPage, type SearchParams } from "@/components/admin/search-params";
import { buttonClasses, LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Folded, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { can, ROLE_LABELS, USER_ROLES } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listUsers } from "@/lib/users/list-users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaffPage("/admin/users", "customers.read");
  const params = await searchParams;
  const page = readPage(params);
  // The role filter: one role, or every staff role at once (who has which role, for an owner).
  const { q, role, query, filters } = readUserListFilters(params);
  const { rows, total } = await listUsers(await getDb(), {
    ...filters,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone with an account: customers and staff."
        actions={
          <>
            <ExportCsvLink href={hrefWith("/admin/users/export.csv", query)} />
            {can(staff.role, "customers.write") ? (
              <LinkButton href="/admin/users/new" data-testid="new-user">
                New user
              </LinkButton>
            ) : null}
          </>
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
          <label htmlFor="role" className="sr-only">
            Role
          </label>
          <Select
            id="role"
            name="role"
            defaultValue={role ?? ""}
            className="w-auto"
            data-testid="user-role-filter"
          >
            <option value="">All roles</option>
            <option value="staff">Staff (every role but customer)</option>
            {USER_ROLES.map((value) => (
              <option key={value} value={value}>
                {ROLE_LABELS[value]}
              </option>
            ))}
          </Select>
          <button type="submit" className={buttonClasses("secondary")}>
            Search
          </button>
          {q || role ? (
            <Link href="/admin/users" className={buttonClasses("ghost")}>
              Clear
            </Link>
          ) : null}
        </form>
        {rows.length === 0 ? (
          <EmptyState
            title={q || role ? "No users match" : "No users yet"}
            description={
              q
                ? `Nobody${role ? " with that role" : ""} has an email or name containing “${q}”.`
                : role
                  ? "Nobody has that role."
                  : "Create the first one, or let people register."
            }
          />
        ) : (
          <Table data-testid="users-table">
            <THead>
              <Tr>
                <Th>Email</Th>
                <Th hideBelow="md">Name</Th>
                <Th>Role</Th>
                <Th hideBelow="lg">Created</Th>
                <Th hideBelow="sm">Last sign-in</Th>
              </Tr>
            </THead>
            <TBody>
              {rows.map((user) => (
                <Tr key={user.id} className="hover:bg-zinc-50">
                  <Td>
                    <Link
                      href={`/admin/users/${user.id}`}
                      className="font-medium break-all text-brand-700 hover:underline"
                    >
                      {user.email}
                    </Link>
                    {user.name ? <Folded below="md">{user.name}</Folded> : null}
                    <Folded below="lg" label="Created">
                      <Time value={user.createdAt} />
                    </Folded>
                    <Folded below="sm" label="Last sign-in">
                      <Time value={user.lastLoginAt} empty="never" />
                    </Folded>
                  </Td>
                  <Td hideBelow="md">{user.name ?? <span className="text-zinc-400">—</span>}</Td>
                  <Td>
                    <RoleBadge role={user.role} />
                  </Td>
                  <Td className="whitespace-nowrap" hideBelow="lg">
                    <Time value={user.createdAt} />
                  </Td>
                  <Td className="whitespace-nowrap" hideBelow="sm">
                    <Time value={user.lastLoginAt} empty="never" />
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        <Pagination
          page={page}
          pageSize={PAGE_SIZE}
          total={total}
          hrefFor={(n) => hrefWith("/admin/users", { q, role, page: n })}
        />
      </Card>
    </>
  );
}
