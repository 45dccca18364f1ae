import { describe, expect, it } from "vitest";
import { DAY_MS } from "@/lib/clock";
import {
  upgradeOptionConfigSchema,
  type UpgradeMethod,
  type UpgradeOptionConfigInput,
} from "@/lib/upgrades/option-config";
import {
  selectOffers,
  type CatalogType,
  type ContextOption,
  type OfferContext,
} from "@/lib/upgrades/select-offers";

const NOW = new Date("2026-03-15T12:00:00Z");

let nextId = 1;
function type(
  code: string,
  contentAccess: string[],
  priceCents: number,
  extra: Partial<CatalogType> = {},
): CatalogType {
  return {
    id: nextId++,
    code,
    name: code,
    lengthDays: 31,
    priceCents,
    contentAccess,
    active: true,
    isDefault: true,
    ...extra,
  };
}

const web = type("web", ["web"], 500);
const webPrint = type("web_print", ["print", "web"], 1000);
const webClub = type("web_club", ["club", "web"], 700);
const all = type("all", ["club", "print", "web"], 1500);
const printClub = type("print_club", ["club", "print"], 1200);
const special = type("special_print", ["print", "web"], 900, { isDefault: false });
const catalog = [web, webPrint, webClub, all, printClub, special];

let optionId = 100;
function option(
  kind: UpgradeMethod,
  config: UpgradeOptionConfigInput,
  explicit: CatalogType | null = null,
): ContextOption {
  return {
    id: optionId++,
    type: kind,
    config: upgradeOptionConfigSchema.parse(config),
    subscriptionTypeId: explicit?.id ?? null,
  };
}

function context(
  options: ContextOption[],
  overrides: { recurrent?: boolean; base?: CatalogType; leftDays?: number } = {},
): OfferContext {
  const base = overrides.base ?? web;
  const end = new Date(NOW.getTime() + (overrides.leftDays ?? 30) * DAY_MS);
  return {
    userId: 1,
    now: NOW,
    base: {
      subscriptionId: 1,
      paymentId: 1,
      typeId: base.id,
      typeCode: base.code,
      typeName: base.name,
      typePriceCents: base.priceCents,
      typeLengthDays: base.lengthDays,
      contentAccess: base.contentAccess,
      startAt: new Date(end.getTime() - 31 * DAY_MS),
      endAt: end,
      paidCents: base.priceCents,
      recurrentPaymentId: overrides.recurrent ? 9 : null,
    },
    recurrent: overrides.recurrent ? { expiresAt: null } : null,
    options,
    catalog,
  };
}
const request = { tags: [] as string[], content: null };
const summary = (offers: ReturnType<typeof selectOffers>) =>
  offers.map((offer) => `${offer.type}:${offer.target.code}`);

describe("target resolution", () => {
  it("finds the default type with the base's content plus require_content, and reports what it adds", () => {
    const offers = selectOffers(
      context([option("short", { require_content: ["print"] })]),
      request,
    );
    expect(summary(offers)).toEqual(["short:web_print"]);
    expect(offers[0]?.gainedContent).toEqual(["print"]);
  });

  it("uses the explicit target even when it is not a default type", () => {
    const offers = selectOffers(
      context([option("short", { require_content: ["print"] }, special)]),
      request,
    );
    expect(summary(offers)).toEqual(["short:special_print"]);
  });

  it("omit_content removes content from the wanted set and refuses targets containing it", () => {
    const base = webPrint;
    const offers = selectOffers(
      context([option("short", { require_content: ["club"], omit_content: ["print"] })], { base }),
      request,
    );
    expect(summary(offers)).toEqual(["short:web_club"]);
    const explicit = selectOffers(
      context([option("short", { require_content: ["club"], omit_content: ["print"] }, all)], {
        base,
      }),
      request,
    );
    expect(explicit).toEqual([]);
  });

  it("skips an option with no default target, one that adds nothing, and inactive explicit targets", () => {
    const inactive = type("inactive", ["club", "web"], 100, { active: false, isDefault: false });
    const offers = selectOffers(
      context([
        option("short", { require_content: ["vip"] }),
        option("short", { require_content: ["web"] }),
        option("short", { require_content: ["club"] }, { ...inactive }),
      ]),
      request,
    );
    expect(offers).toEqual([]);
  });

  it("two default types for one set: the cheaper one is the target", () => {
    const cheaper = type("web_print_cheap", ["print", "web"], 800);
    const offers = selectOffers(
      {
        ...context([option("short", { require_content: ["print"] })]),
        catalog: [...catalog, cheaper],
      },
      request,
    );
    expect(summary(offers)).toEqual(["short:web_print_cheap"]);
  });
});

describe("tags and content", () => {
  const options = () => [
    option("short", { require_content: ["print"] }),
    option("short", { require_content: ["club"], require_tags: ["black-friday"] }),
  ];

  it("without tags only untagged options apply", () => {
    expect(summary(selectOffers(context(options()), request))).toEqual(["short:web_print"]);
  });

  it("with tags only options with exactly those tags apply", () => {
    expect(
      summary(selectOffers(context(options()), { tags: ["black-friday"], content: null })),
    ).toEqual(["short:web_club"]);
    expect(
      selectOffers(context(options()), { tags: ["black-friday", "extra"], content: null }),
    ).toEqual([]);
    expect(selectOffers(context(options()), { tags: ["summer"], content: null })).toEqual([]);
  });

  it("content keeps only offers adding that content access", () => {
    const both = [
      option("short", { require_content: ["print"] }),
      option("short", { require_content: ["club"] }),
    ];
    expect(summary(selectOffers(context(both), { tags: [], content: "club" }))).toEqual([
      "short:web_club",
    ]);
    expect(selectOffers(context(both), { tags: [], content: "web" })).toEqual([]);
  });
});

describe("selection", () => {
  it("keeps the most profitable option per method and target", () => {
    const plain = option("paid_recurrent", { require_content: ["print"] });
    const fixed = option("paid_recurrent", { require_content: ["print"], monthly_fix: 900 });
    const offers = selectOffers(context([plain, fixed], { recurrent: true }), request);
    expect(offers).toHaveLength(1);
    // plain: round(30·1000/31) − 484 = 484; fixed: (500 + 900) per 31 days → round(30·1400/31) − 484 = 871
    expect(offers[0]).toMatchObject({
      optionId: fixed.id,
      chargeCents: 871,
      recurrentPriceCents: 1400,
    });
  });

  it("offers each method's offers side by side, ordered by target price", () => {
    const offers = selectOffers(
      context([
        option("short", { require_content: ["print"] }),
        option("paid_extend", { require_content: ["print"] }),
        option("short", { require_content: ["club"] }),
      ]),
      request,
    );
    expect(summary(offers)).toEqual(["short:web_club", "short:web_print"]);
  });

  it("a recurrent base gets the recurrent methods only", () => {
    const offers = selectOffers(
      context(
        [
          option("paid_recurrent", { require_content: ["print"] }),
          option("free_recurrent", { require_content: ["print"] }),
          option("short", { require_content: ["print"] }),
          option("paid_extend", { require_content: ["print"] }),
        ],
        { recurrent: true },
      ),
      request,
    );
    expect(summary(offers)).toEqual(["paid_recurrent:web_print"]);
  });
});

describe("option config", () => {
  it("refuses an empty require_content and content both required and omitted", () => {
    expect(upgradeOptionConfigSchema.safeParse({ require_content: [] }).success).toBe(false);
    expect(
      upgradeOptionConfigSchema.safeParse({ require_content: ["print"], omit_content: ["print"] })
        .success,
    ).toBe(false);
    expect(
      upgradeOptionConfigSchema.safeParse({ require_content: ["print"], monthly_fix: 0 }).success,
    ).toBe(false);
    expect(
      upgradeOptionConfigSchema.safeParse({ require_content: ["print"], unknown: 1 }).success,
    ).toBe(false);
  });

  it("normalizes tags and content as sets", () => {
    expect(
      upgradeOptionConfigSchema.parse({
        require_content: ["print", "club", "print"],
        require_tags: ["b", "a"],
      }),
    ).toEqual({
      require_content: ["club", "print"],
      require_tags: ["a", "b"],
    });
  });
});
