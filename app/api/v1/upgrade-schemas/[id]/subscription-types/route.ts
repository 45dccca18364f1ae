import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { linkSubscriptionTypes } from "@/lib/upgrades/admin/link-subscription-types";
import { upgradeSchemaId } from "../upgrade-schema-id";
import { linkSubscriptionTypesBodySchema } from "@/lib/api/operations/upgrade-schemas";

export const POST = apiRoute(
  { auth: { token: "api", scope: "upgrades" }, body: linkSubscriptionTypesBodySchema },
  async ({ db, body, params }) => {
    const codes = await linkSubscriptionTypes(db, {
      schemaId: upgradeSchemaId(params),
      codes: body.subscription_type_codes,
      mode: "add",
    });
    return NextResponse.json({ subscription_type_codes: codes });
  },
);
