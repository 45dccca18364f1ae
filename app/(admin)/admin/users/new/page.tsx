import type { Metadata } from "next";
import Link from "next/link";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can, USER_ROLES } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { createUserAction } from "../actions";

export const metadata: Metadata = { title: "New user" };

export default async function NewUserPage() {
  const staff = await requireStaffPage("/admin/users/new", "customers.write");
  // Giving a staff role is staff.manage's (the action checks the same).
  const roles = can(staff.role, "staff.manage") ? USER_ROLES : (["customer"] as const);
  return (
    <>
      <PageHeader
        title="New user"
        back={
          <Link href="/admin/users" className="text-zinc-500 hover:text-zinc-900">
            ← Users
          </Link>
        }
      />
      <Card className="max-w-xl">
        <CardBody>
          <CreateUserForm action={createUserAction} roles={roles} />
        </CardBody>
      </Card>
    </>
  );
}
