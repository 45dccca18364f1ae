import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteBanner } from "@/lib/banners/delete-banner";
import { saveBanner } from "@/lib/banners/save-banner";
import { scenarios } from "@/lib/db/schema";
import { deleteEmailTemplate } from "@/lib/email/delete-email-template";
import { findEmailTemplateByCode } from "@/lib/email/find-email-template";
import { deleteGoal } from "@/lib/goals/delete-goal";
import { saveGoal } from "@/lib/goals/save-goal";
import { deleteSegment } from "@/lib/segments/delete-segment";
import { saveSegment } from "@/lib/segments/save-segment";
import { openTestDatabase } from "../../support/test-database";
import { e, email, enabledScenario, n, on, setStatus, templates } from "./scenario-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe("what scenarios use cannot be deleted from under them", () => {
  it("refuses to delete a segment, goal, banner or template a scenario uses, naming the scenario; allows it once the scenario is deleted", async () => {
    await templates(db(), "ref_mail");
    const segment = await saveSegment(db(), {
      code: "ref_segment",
      name: "Ref",
      rules: { match: "all", rules: [{ field: "role", operator: "is", value: "customer" }] },
    });
    const goal = await saveGoal(db(), { code: "ref_goal", name: "Ref goal" });
    const banner = await saveBanner(db(), { title: "Ref banner" });
    const { scenarioId } = await enabledScenario(db(), {
      nodes: [
        on("custom.ref"),
        n("s", "segment", { segment: "ref_segment" }, ["no"]),
        n(
          "g",
          "goal",
          { goals: ["other", "ref_goal"], recheckMinutes: 1440, timeoutMinutes: 1440 },
          ["no"],
        ),
        n("b", "banner", { bannerId: banner.id, expiresAfterMinutes: null }),
        email("m", "ref_mail"),
      ],
      edges: [
        e("e1", "t", "out", "s"),
        e("e2", "s", "yes", "g"),
        e("e3", "g", "yes", "b"),
        e("e4", "b", "out", "m"),
      ],
    });
    const template = (await findEmailTemplateByCode(db(), "ref_mail"))!;
    await expect(deleteSegment(db(), { id: segment.id })).rejects.toMatchObject({
      code: "segment_in_use",
      status: 409,
      message: expect.stringContaining('"test"'),
    });
    await expect(deleteGoal(db(), { goalId: goal.id })).rejects.toMatchObject({
      code: "goal_in_use",
    });
    await expect(deleteBanner(db(), { bannerId: banner.id })).rejects.toMatchObject({
      code: "banner_in_use",
    });
    await expect(deleteEmailTemplate(db(), template.id)).rejects.toMatchObject({
      code: "template_in_use",
    });
    // Renaming the code would leave the scenario pointing at nothing, just the same.
    await expect(
      saveSegment(db(), {
        id: segment.id,
        code: "renamed_segment",
        name: "Ref",
        rules: { match: "all", rules: [] },
      }),
    ).rejects.toMatchObject({ code: "segment_in_use" });
    await expect(
      saveGoal(db(), { id: goal.id, code: "renamed_goal", name: "Ref goal" }),
    ).rejects.toMatchObject({ code: "goal_in_use" });
    const { saveEmailTemplate } = await import("@/lib/email/save-email-template");
    await expect(
      saveEmailTemplate(db(), {
        id: template.id,
        code: "renamed_mail",
        name: "x",
        subject: "x",
        bodyHtml: "x",
        bodyText: "x",
      }),
    ).rejects.toMatchObject({ code: "template_in_use" });
    expect(
      (await saveGoal(db(), { id: goal.id, code: "ref_goal", name: "Renamed, same code" })).name,
    ).toBe("Renamed, same code");

    await setStatus(db(), scenarioId, "disabled");
    await expect(deleteBanner(db(), { bannerId: banner.id })).rejects.toMatchObject({
      code: "banner_in_use",
    });
    await db().update(scenarios).set({ status: "deleted" }).where(eq(scenarios.id, scenarioId));
    await deleteSegment(db(), { id: segment.id });
    await deleteGoal(db(), { goalId: goal.id });
    await deleteBanner(db(), { bannerId: banner.id });
    await deleteEmailTemplate(db(), template.id);
  });
});
