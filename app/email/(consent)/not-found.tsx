import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";

/** A changed, cut-off or stale unsubscribe or preferences link (404): no hint of whose it was. */
export default async function EmailLinkNotFound() {
  const t = await getTranslations("EmailUnsubscribe");
  return (
    <Card data-testid="email-link-invalid">
      <CardBody className="px-6 py-6">
        <h1 className="text-lg font-semibold text-zinc-900">{t("invalidTitle")}</h1>
        <p className="mt-1 mb-5 text-sm text-zinc-500">{t("invalidText")}</p>
        <LinkButton href="/account/profile" variant="secondary">
          {t("signInInstead")}
        </LinkButton>
      </CardBody>
    </Card>
  );
}
