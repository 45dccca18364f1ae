import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Card, CardBody } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Logout"))("metaTitle") };
}

export default async function LogoutPage() {
  const [user, t] = await Promise.all([currentUser(), getTranslations("Logout")]);
  return (
    <Card>
      <CardBody className="px-6 py-6 text-center">
        {user ? (
          <>
            <h1 className="text-lg font-semibold text-zinc-900">{t("title")}</h1>
            <p className="mt-1 mb-5 text-sm text-zinc-500">
              {t("signedInAs", { email: user.email })}
            </p>
            <div className="flex justify-center gap-2">
              <Link
                href="/account"
                className="inline-flex h-8 items-center rounded-md px-2.5 text-xs font-medium text-zinc-700 hover:bg-zinc-100"
              >
                {t("cancel")}
              </Link>
              <SignOutButton
                variant="primary"
                labels={{ idle: t("signOut"), pending: t("signingOut") }}
              />
            </div>
          </>
        ) : (
          <>
            <h1 className="text-lg font-semibold text-zinc-900">{t("signedOut")}</h1>
            <p className="mt-1 text-sm text-zinc-500">
              <Link href="/login" className="font-medium text-brand-700 hover:underline">
                {t("signInAgain")}
              </Link>
            </p>
          </>
        )}
      </CardBody>
    </Card>
  );
}
