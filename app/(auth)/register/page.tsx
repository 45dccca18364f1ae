import type { Metadata } from "next";
import Link from "next/link";
import { RegisterForm } from "@/components/auth/register-form";
import { Card, CardBody } from "@/components/ui/card";
import { registerAction } from "./actions";

export const metadata: Metadata = { title: "Create an account" };

export default function RegisterPage() {
  return (
    <>
      <Card>
        <CardBody className="px-6 py-6">
          <h1 className="text-lg font-semibold text-zinc-900">Create your account</h1>
          <p className="mt-1 mb-5 text-sm text-zinc-500">Manage your subscriptions and payments in one place.</p>
          <RegisterForm action={registerAction} />
        </CardBody>
      </Card>
      <p className="mt-4 text-center text-sm text-zinc-500">
        Already have an account?{" "}
        <Link href="/login" className="font-medium text-brand-700 hover:underline">
          Sign in
        </Link>
      </p>
    </>
  );
}
