import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  subscriptionTypeUpgradeSchemas,
  subscriptionUpgrades,
  upgradeOptions,
  upgradeSchemas,
} from "@/lib/db/schema";
import { createContentAccess } from "@/lib/subscriptions/create-content-access";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { saveSubscriptionType } from "@/lib/subscriptions/save-subscription-type";
import {
  checkUpgradeDefaults,
  type DefaultsProblemRow,
} from "@/lib/upgrades/admin/check-upgrade-defaults";
import { deleteUpgradeOption } from "@/lib/upgrades/admin/delete-upgrade-option";
import { deleteUpgradeSchema } from "@/lib/upgrades/admin/delete-upgrade-schema";
import { findUpgradeSchema } from "@/lib/upgrades/admin/find-upgrade-schema";
import { linkSubscriptionTypes } from "@/lib/upgrades/admin/link-subscription-types";
import { listRecentUpgrades } from "@/lib/upgrades/admin/list-recent-upgrades";
import { listUpgradeSchemas } from "@/lib/upgrades/admin/list-upgrade-schemas";
import { optionConfigFromForm } from "@/lib/upgrades/admin/option-form-config";
import { saveUpgradeOption } from "@/lib/upgrades/admin/save-upgrade-option";
import { saveUpgradeSchema } from "@/lib/upgrades/admin/save-upgrade-schema";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
beforeAll(async () => {
  database = await openTestDatabase();
  for (const code of ["web", "print", "club"])
    await createContentAccess(db(), { code, name: code });
  await saveSubscriptionType(db(), {
    code: "web_m",
    name: "Web monthly",
    lengthDays: 31,
    priceCents: 499,
    contentAccessCodes: ["web"],
    isDefault: true,
  });
  await saveSubscriptionType(db(), {
    code: "web_y",
    name: "Web yearly",
    lengthDays: 365,
    priceCents: 4990,
    contentAccessCodes: ["web"],
    isDefault: true,
  });
  await saveSubscriptionType(db(), {
    code: "web_print_m",
    name: "Web + print",
    lengthDays: 31,
    priceCents: 999,
    contentAccessCodes: ["web", "print"],
    isDefault: true,
  });
});
afterAll(() => database.close());

let nameCounter = 0;
const newSchema = () => saveUpgradeSchema(db(), { name: `Schema ${++nameCounter}` });
const optionsOf = (schemaId: number) =>
  db().select().from(upgradeOptions).where(eq(upgradeOptions.upgradeSchemaId, schemaId));

describe("upgrade schemas", () => {
  it("creates and renames a schema; a taken name is upgrade_schema_name_taken (409)", async () => {
    const schema = await saveUpgradeSchema(db(), { name: "  Web upgrades " });
    expect(schema.name).toBe("Web upgrades");
    const other = await saveUpgradeSchema(db(), { name: "Print upgrades" });
    await expect(saveUpgradeSchema(db(), { name: "Web upgrades" })).rejects.toMatchObject({
      code: "upgrade_schema_name_taken",
      status: 409,
    });
    await expect(
      saveUpgradeSchema(db(), { id: other.id, name: "Web upgrades" }),
    ).rejects.toMatchObject({ code: "upgrade_schema_name_taken" });
    const renamed = await saveUpgradeSchema(db(), {
      id: other.id,
      name: "Print and club upgrades",
    });
    expect(renamed).toMatchObject({ id: other.id, name: "Print and club upgrades" });
    await expect(saveUpgradeSchema(db(), { id: 999_999, name: "Nobody" })).rejects.toMatchObject({
      code: "upgrade_schema_not_found",
      status: 404,
    });
    await expect(saveUpgradeSchema(db(), { name: "   " })).rejects.toThrow();
  });

  it("lists schemas with their option count and linked type codes", async () => {
    const schema = await newSchema();
    await saveUpgradeOption(db(), {
      schemaId: schema.id,
      type: "short",
      config: { require_content: ["print"] },
    });
    await saveUpgradeOption(db(), {
      schemaId: schema.id,
      type: "paid_extend",
      config: { require_content: ["print"] },
    });
    await linkSubscriptionTypes(db(), {
      schemaId: schema.id,
      codes: ["web_y", "web_m"],
      mode: "replace",
    });
    const [row] = await listUpgradeSchemas(db(), { ids: [schema.id] });
    expect(row).toMatchObject({
      id: schema.id,
      optionCount: 2,
      linkedTypeCodes: ["web_m", "web_y"],
    });
    expect((await listUpgradeSchemas(db())).map((listed) => listed.id)).toContain(schema.id);
  });

  it("deletes a schema with its options and links", async () => {
    const schema = await newSchema();
    await saveUpgradeOption(db(), {
      schemaId: schema.id,
      type: "short",
      config: { require_content: ["print"] },
    });
    await linkSubscriptionTypes(db(), { schemaId: schema.id, codes: ["web_m"], mode: "replace" });
    await deleteUpgradeSchema(db(), { schemaId: schema.id });
    expect(
      await db().select().from(upgradeSchemas).where(eq(upgradeSchemas.id, schema.id)),
    ).toEqual([]);
    expect(await optionsOf(schema.id)).toEqual([]);
    expect(
      await db()
        .select()
        .from(subscriptionTypeUpgradeSchemas)
        .where(eq(subscriptionTypeUpgradeSchemas.upgradeSchemaId, schema.id)),
    ).toEqual([]);
    await expect(deleteUpgradeSchema(db(), { schemaId: schema.id })).rejects.toMatchObject({
      code: "upgrade_schema_not_found",
    });
  });
});

describe("upgrade options", () => {
  it("stores a normalized config and an explicit target; findUpgradeSchema shows both", async () => {
    const schema = await newSchema();
    const option = await saveUpgradeOption(db(), {
      schemaId: schema.id,
      type: "paid_recurrent",
      config: {
        require_content: ["print", "club", "print"],
        omit_content: [],
        monthly_fix: 200,
        require_tags: ["vip", "black-friday"],
      },
      targetTypeCode: "web_print_m",
    });
    expect(option.config).toEqual({
      require_content: ["club", "print"],
      monthly_fix: 200,
      require_tags: ["black-friday", "vip"],
    });
    const detail = await findUpgradeSchema(db(), schema.id);
    expect(detail?.options).toEqual([
      expect.objectContaining({
        id: option.id,
        targetTypeCode: "web_print_m",
        targetTypeName: "Web + print",
      }),
    ]);
    expect(await findUpgradeSchema(db(), 999_999)).toBeNull();
  });

  it("edits an option of its own schema only; another schema's option is upgrade_option_not_found", async () => {
    const [schema, other] = [await newSchema(), await newSchema()];
    const option = await saveUpgradeOption(db(), {
      schemaId: schema.id,
      type: "short",
      config: { require_content: ["print"] },
      targetTypeCode: "web_print_m",
    });
    const edited = await saveUpgradeOption(db(), {
      schemaId: schema.id,
      optionId: option.id,
      type: "paid_extend",
      config: { require_content: ["club"], omit_content: ["print"] },
      targetTypeCode: null,
    });
    expect(edited).toMatchObject({
      id: option.id,
      type: "paid_extend",
      config: { require_content: ["club"], omit_content: ["print"] },
      subscriptionTypeId: null,
    });
    await expect(
      saveUpgradeOption(db(), {
        schemaId: other.id,
        optionId: option.id,
        type: "short",
        config: { require_content: ["print"] },
      }),
    ).rejects.toMatchObject({ code: "upgrade_option_not_found", status: 404 });
    await expect(
      deleteUpgradeOption(db(), { schemaId: other.id, optionId: option.id }),
    ).rejects.toMatchObject({ code: "upgrade_option_not_found" });
    expect(await optionsOf(schema.id)).toEqual([expect.objectContaining({ type: "paid_extend" })]);
    await deleteUpgradeOption(db(), { schemaId: schema.id, optionId: option.id });
    expect(await optionsOf(schema.id)).toEqual([]);
  });

  it("refuses invalid configs, unknown content, unknown targets and unknown schemas without saving", async () => {
    const schema = await newSchema();
    const save = (config: unknown, more: { targetTypeCode?: string; schemaId?: number } = {}) =>
      saveUpgradeOption(db(), {
        schemaId: schema.id,
        type: "short",
        config: config as { require_content: string[] },
        ...more,
      });
    await expect(save({ require_content: [] })).rejects.toMatchObject({ name: "ZodError" });
    await expect(
      save({ require_content: ["print"], omit_content: ["print"] }),
    ).rejects.toMatchObject({ name: "ZodError" });
    await expect(save({ require_content: ["print"], monthly_fix: 0 })).rejects.toMatchObject({
      name: "ZodError",
    });
    await expect(save({ require_content: ["print"], monthly_fix: 1.5 })).rejects.toMatchObject({
      name: "ZodError",
    });
    await expect(
      save({ require_content: ["print"], require_tags: ["Not A Tag"] }),
    ).rejects.toMatchObject({ name: "ZodError" });
    await expect(save({ require_content: ["print"], surprise: true })).rejects.toMatchObject({
      name: "ZodError",
    });
    await expect(save({ require_content: ["print", "video"] })).rejects.toMatchObject({
      code: "content_access_not_found",
      status: 400,
    });
    await expect(
      save({ require_content: ["print"], omit_content: ["radio"] }),
    ).rejects.toMatchObject({ code: "content_access_not_found" });
    await expect(
      save({ require_content: ["print"] }, { targetTypeCode: "no_such_type" }),
    ).rejects.toMatchObject({
      code: "subscription_type_not_found",
      status: 400,
    });
    await expect(save({ require_content: ["print"] }, { schemaId: 999_999 })).rejects.toMatchObject(
      { code: "upgrade_schema_not_found", status: 404 },
    );
    expect(await optionsOf(schema.id)).toEqual([]);
  });
});

describe("optionConfigFromForm", () => {
  const form = { requireContent: ["print"], omitContent: [], monthlyFix: undefined, tags: "" };

  it("builds a config from the admin form, leaving blank fields out", () => {
    expect(optionConfigFromForm(form)).toEqual({
      success: true,
      config: { require_content: ["print"] },
    });
    expect(
      optionConfigFromForm({
        requireContent: ["print", "club"],
        omitContent: ["web"],
        monthlyFix: 250,
        tags: " vip, ,summer-sale ,vip",
      }),
    ).toEqual({
      success: true,
      config: {
        require_content: ["club", "print"],
        omit_content: ["web"],
        monthly_fix: 250,
        require_tags: ["summer-sale", "vip"],
      },
    });
  });

  it("keys config errors by the form's field names", () => {
    const failed = optionConfigFromForm({
      requireContent: [],
      omitContent: [],
      monthlyFix: 0,
      tags: "Bad Tag",
    });
    expect(failed.success).toBe(false);
    expect(failed.success ? null : Object.keys(failed.fieldErrors).sort()).toEqual([
      "monthlyFix",
      "requireContent",
      "tags",
    ]);
    const both = optionConfigFromForm({ ...form, omitContent: ["print"] });
    expect(both.success ? null : both.fieldErrors.omitContent?.[0]).toMatch(
      /both required and omitted/,
    );
  });
});

describe("linkSubscriptionTypes", () => {
  it("replaces the whole set, or adds idempotently; unknown codes change nothing", async () => {
    const schema = await newSchema();
    const link = (codes: string[], mode: "replace" | "add") =>
      linkSubscriptionTypes(db(), { schemaId: schema.id, codes, mode });
    expect(await link(["web_y", "web_m"], "replace")).toEqual(["web_m", "web_y"]);
    expect(await link(["web_print_m"], "replace")).toEqual(["web_print_m"]);
    expect(await link(["web_m", "web_m"], "add")).toEqual(["web_m", "web_print_m"]);
    expect(await link(["web_m"], "add")).toEqual(["web_m", "web_print_m"]);
    await expect(link(["web_y", "nope"], "replace")).rejects.toMatchObject({
      code: "subscription_type_not_found",
      status: 400,
    });
    await expect(link(["nope"], "add")).rejects.toMatchObject({
      code: "subscription_type_not_found",
    });
    expect(
      (await findUpgradeSchema(db(), schema.id))?.linkedTypes.map((type) => type.code),
    ).toEqual(["web_m", "web_print_m"]);
    expect(await link([], "replace")).toEqual([]);
    await expect(
      linkSubscriptionTypes(db(), { schemaId: 999_999, codes: ["web_m"], mode: "add" }),
    ).rejects.toMatchObject({
      code: "upgrade_schema_not_found",
      status: 404,
    });
  });
});

describe("checkUpgradeDefaults", () => {
  // Its own content access, so rows from the other tests' catalog can be told apart.
  const ours = (rows: DefaultsProblemRow[]) =>
    rows.filter((row) => row.contentAccess.some((code) => code.startsWith("dx_")));

  it("reports sets × lengths with no active default type or several, from active types and implied option targets", async () => {
    for (const code of ["dx_base", "dx_extra", "dx_more"])
      await createContentAccess(db(), { code, name: code });
    const type = (
      code: string,
      contentAccessCodes: string[],
      lengthDays: number,
      extra: { isDefault?: boolean; active?: boolean } = {},
    ) =>
      saveSubscriptionType(db(), {
        code,
        name: code,
        lengthDays,
        priceCents: 100,
        contentAccessCodes,
        ...extra,
      });
    await type("dx_base_m", ["dx_base"], 31, { isDefault: true });
    await type("dx_base_y", ["dx_base"], 365, { isDefault: true });
    await type("dx_both_m_a", ["dx_extra", "dx_base"], 31, { isDefault: true });
    const ambiguous = await type("dx_both_m_b", ["dx_base", "dx_extra"], 31, { isDefault: true });
    await type("dx_extra_m", ["dx_extra"], 31);
    // Inactive types need no default, and an inactive default counts for nothing.
    await type("dx_more_90", ["dx_more"], 90, { active: false });
    await type("dx_base_more_old", ["dx_base", "dx_more"], 31, { isDefault: true, active: false });

    const before = await checkUpgradeDefaults(db());
    expect(ours(before.problems)).toEqual([
      {
        contentAccess: ["dx_base", "dx_extra"],
        lengthDays: 31,
        defaultTypes: [
          { code: "dx_both_m_a", name: "dx_both_m_a" },
          { code: "dx_both_m_b", name: "dx_both_m_b" },
        ],
        problem: "ambiguous",
      },
      { contentAccess: ["dx_extra"], lengthDays: 31, defaultTypes: [], problem: "missing" },
    ]);

    // Options imply targets at the linked base type's length: base+more at 31 and 365 (no default for either);
    // an explicit target or an option that adds nothing implies none.
    const schema = await newSchema();
    await linkSubscriptionTypes(db(), {
      schemaId: schema.id,
      codes: ["dx_base_m", "dx_base_y"],
      mode: "replace",
    });
    await saveUpgradeOption(db(), {
      schemaId: schema.id,
      type: "short",
      config: { require_content: ["dx_more"] },
    });
    await saveUpgradeOption(db(), {
      schemaId: schema.id,
      type: "short",
      config: { require_content: ["dx_extra"] },
      targetTypeCode: "dx_extra_m",
    });
    await saveUpgradeOption(db(), {
      schemaId: schema.id,
      type: "short",
      config: { require_content: ["dx_base"] },
    });
    await saveUpgradeOption(db(), {
      schemaId: schema.id,
      type: "paid_extend",
      config: { require_content: ["dx_more", "dx_extra"], omit_content: ["dx_base"] },
    });
    const withOptions = await checkUpgradeDefaults(db());
    expect(
      ours(withOptions.problems).map((row) => [
        row.contentAccess.join("+"),
        row.lengthDays,
        row.problem,
      ]),
    ).toEqual([
      ["dx_base+dx_extra", 31, "ambiguous"],
      ["dx_base+dx_more", 31, "missing"],
      ["dx_base+dx_more", 365, "missing"],
      ["dx_extra", 31, "missing"],
      ["dx_extra+dx_more", 31, "missing"],
      ["dx_extra+dx_more", 365, "missing"],
    ]);

    // Fixing the ambiguous set turns one problem into one OK combination.
    await saveSubscriptionType(db(), {
      id: ambiguous.id,
      code: "dx_both_m_b",
      name: "dx_both_m_b",
      lengthDays: 31,
      priceCents: 100,
      contentAccessCodes: ["dx_base", "dx_extra"],
      isDefault: false,
    });
    const fixed = await checkUpgradeDefaults(db());
    expect(ours(fixed.problems)).toHaveLength(5);
    expect(fixed.okCount).toBe(withOptions.okCount + 1);
  });
});

describe("listRecentUpgrades", () => {
  it("lists the latest upgrades with the user's email and the target type", async () => {
    const user = await createUser(db(), { email: "upgraded@example.com" });
    const target = await saveSubscriptionType(db(), {
      code: "recent_target",
      name: "Recent target",
      lengthDays: 31,
      priceCents: 999,
      contentAccessCodes: ["web", "print"],
    });
    const subscription = await createSubscription(db(), {
      userId: user.id,
      subscriptionTypeId: target.id,
    });
    await db().insert(subscriptionUpgrades).values({
      userId: user.id,
      baseSubscriptionId: subscription.id,
      type: "paid_recurrent",
      targetSubscriptionTypeId: target.id,
      chargeCents: 484,
    });
    const rows = await listRecentUpgrades(db(), { limit: 50 });
    expect(rows[0]).toMatchObject({
      email: "upgraded@example.com",
      type: "paid_recurrent",
      chargeCents: 484,
      targetTypeCode: "recent_target",
      status: "completed",
    });
  });
});
