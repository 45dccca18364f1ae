import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { saveUpgradeOption } from "@/lib/upgrades/admin/save-upgrade-option";
import { serializeUpgradeOption } from "@/lib/upgrades/admin/upgrade-schema-json";
import { upgradeSchemaId } from "../upgrade-schema-id";
import { createUpgradeOptionBodySchema } from "@/lib/api/operations/upgrade-schemas";

export const POST = apiRoute(
  { auth: { token: "api", scope: "upgrades" }, body: createUpgradeOptionBodySchema },
  async ({ db, body, params }) => {
    const targetTypeCode = body.subscription_type_code ?? null;
    const option = await saveUpgradeOption(db, {
      schemaId: upgradeSchemaId(params),
      type: body.type,
      config: body.config,
      targetTypeCode,
    });
    return NextResponse.json(
      { option: serializeUpgradeOption(option, targetTypeCode) },
      { status: 201 },
    );
  },
);
