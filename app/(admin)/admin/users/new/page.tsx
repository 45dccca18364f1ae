import type { Metadata } from "next";
import Link from "next/link";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/auth/session";
import { createUserAction } from "../actions";

export const metadata: Metadata = { title: "New user" };

export default async function NewUserPage() {
  await requireAdminPage("/admin/users/new");
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
          <CreateUserForm action={createUserAction} />
        </CardBody>
      </Card>
    </>
  );
}
