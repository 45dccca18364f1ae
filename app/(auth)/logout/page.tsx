import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Card, CardBody } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign out" };

export default async function LogoutPage() {
  const user = await currentUser();
  return (
    <Card>
      <CardBody className="px-6 py-6 text-center">
        {user ? (
          <>
            <h1 className="text-lg font-semibold text-zinc-900">Sign out?</h1>
            <p className="mt-1 mb-5 text-sm text-zinc-500">You are signed in as {user.email}.</p>
            <div className="flex justify-center gap-2">
              <Link
                href="/account"
                className="inline-flex h-8 items-center rounded-md px-2.5 text-xs font-medium text-zinc-700 hover:bg-zinc-100"
              >
                Cancel
              </Link>
              <SignOutButton variant="primary" />
            </div>
          </>
        ) : (
          <>
            <h1 className="text-lg font-semibold text-zinc-900">You are signed out</h1>
            <p className="mt-1 text-sm text-zinc-500">
              <Link href="/login" className="font-medium text-brand-700 hover:underline">
                Sign in again
              </Link>
            </p>
          </>
        )}
      </CardBody>
    </Card>
  );
}
