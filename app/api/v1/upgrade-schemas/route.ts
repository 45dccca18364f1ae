import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { listUpgradeSchemas } from "@/lib/upgrades/admin/list-upgrade-schemas";
import { saveUpgradeSchema } from "@/lib/upgrades/admin/save-upgrade-schema";
import { serializeUpgradeSchema } from "@/lib/upgrades/admin/upgrade-schema-json";
import { createUpgradeSchemaBodySchema } from "@/lib/api/operations/upgrade-schemas";

export const GET = apiRoute({ auth: { token: "api", scope: "upgrades" } }, async ({ db }) => {
  const rows = await listUpgradeSchemas(db);
  return NextResponse.json({ upgrade_schemas: rows.map(serializeUpgradeSchema) });
});

export const POST = apiRoute(
  { auth: { token: "api", scope: "upgrades" }, body: createUpgradeSchemaBodySchema },
  async ({ db, body }) => {
    const schema = await saveUpgradeSchema(db, { name: body.name });
    // A new schema has no options and no links: its row is the whole answer.
    return NextResponse.json(
      {
        upgrade_schema: serializeUpgradeSchema({ ...schema, optionCount: 0, linkedTypeCodes: [] }),
      },
      { status: 201 },
    );
  },
);
