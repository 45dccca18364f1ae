"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { ContentAccessBadges } from "@/components/billing/badges";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { formatMoney } from "@/lib/money";
import type { BillingPeriod, PricingGroup, PricingPlan } from "@/lib/purchases/pricing-groups";
import { periodUnit } from "@/lib/subscriptions/period-unit";

/**
 * The pricing page's plans, grouped by content access, one billing period at a time: the switch shows monthly first
 * (or the only period on offer). Only the shown period is rendered, so each plan is on the page once.
 */
export function PricingTable({ groups }: { groups: Record<BillingPeriod, PricingGroup[]> }) {
  const periods = (["monthly", "yearly"] as const).filter((period) => groups[period].length > 0);
  const [period, setPeriod] = useState<BillingPeriod>(periods[0] ?? "monthly");
  const t = useTranslations("Pricing");
  return (
    <div className="space-y-6">
      {periods.length > 1 ? (
        <div className="flex justify-center">
          <div
            role="group"
            aria-label={t("billingPeriod")}
            className="inline-flex rounded-lg border border-zinc-200 bg-white p-1 shadow-xs"
          >
            {periods.map((candidate) => (
              <button
                key={candidate}
                type="button"
                aria-pressed={period === candidate}
                onClick={() => setPeriod(candidate)}
                className={cn(
                  "rounded-md px-4 py-1.5 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500",
                  period === candidate
                    ? "bg-brand-600 text-white shadow-sm"
                    : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900",
                )}
                data-testid={`pricing-period-${candidate}`}
              >
                {t(candidate)}
              </button>
            ))}
          </div>
        </div>
      ) : null}
      {/* Wrapped rows, centred: a last row of one or two groups sits in the middle. */}
      <div
        className="flex flex-wrap justify-center gap-5"
        data-period={period}
        data-testid="pricing-groups"
      >
        {groups[period].map((group) => (
          <PricingGroupCard key={group.key} group={group} />
        ))}
      </div>
    </div>
  );
}

function PricingGroupCard({ group }: { group: PricingGroup }) {
  const highlighted = group.plans.some((plan) => plan.highlighted);
  return (
    <section
      aria-labelledby={`pricing-group-title-${group.key}`}
      className={cn(
        "flex w-full flex-col rounded-xl border bg-white shadow-xs sm:w-[calc((100%-1.25rem)/2)] lg:w-[calc((100%-2.5rem)/3)]",
        highlighted ? "border-brand-500 ring-1 ring-brand-500" : "border-zinc-200",
      )}
      data-testid={`pricing-group-${group.key}`}
    >
      <div className="px-5 pt-5">
        <h2
          id={`pricing-group-title-${group.key}`}
          className="text-base font-semibold text-zinc-900"
        >
          {group.title}
        </h2>
        <div className="mt-2">
          <ContentAccessBadges codes={group.contentAccess} />
        </div>
      </div>
      <div className="flex flex-1 flex-col divide-y divide-zinc-100">
        {group.plans.map((plan) => (
          <PricingPlanBlock key={plan.code} plan={plan} />
        ))}
      </div>
    </section>
  );
}

function PricingPlanBlock({ plan }: { plan: PricingPlan }) {
  const t = useTranslations("Pricing");
  const periodText = useTranslations("Period");
  const locale = useLocale();
  const period = periodText("per", periodUnit(plan.lengthDays));
  return (
    <div
      className="flex flex-1 flex-col px-5 py-5"
      data-testid={`pricing-plan-${plan.code}`}
      data-highlighted={plan.highlighted ? "true" : "false"}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-medium text-zinc-700">{plan.name}</p>
        {plan.highlighted ? (
          <Badge tone="violet" data-testid="pricing-recommended">
            {t("recommended")}
          </Badge>
        ) : null}
      </div>
      <p className="mt-2 flex flex-wrap items-baseline gap-x-1">
        <span
          className="text-3xl font-semibold tracking-tight text-zinc-900 tabular-nums"
          data-testid="pricing-price"
        >
          {formatMoney(plan.priceCents, locale)}
        </span>
        <span className="text-sm text-zinc-500">/ {period}</span>
      </p>
      {plan.perMonthCents !== null ? (
        <p className="mt-1 text-sm text-emerald-700" data-testid="pricing-per-month">
          {t("perMonth", { amount: formatMoney(plan.perMonthCents, locale) })}
        </p>
      ) : null}
      {plan.description ? <p className="mt-3 text-sm text-zinc-600">{plan.description}</p> : null}
      <div className="mt-auto pt-5">
        <LinkButton
          href={`/subscribe/${plan.code}`}
          variant={plan.highlighted ? "primary" : "secondary"}
          className="w-full"
          aria-label={t("chooseNamed", { name: plan.name })}
          data-testid={`pricing-choose-${plan.code}`}
        >
          {t("choose")}
        </LinkButton>
      </div>
    </div>
  );
}
