/**
 * The statistics of a scenario report (pure, UI-safe): conversion rates, the uplift of one group over another with a
 * 95 % confidence interval (two-proportion z interval, unpooled standard error), and the two-sided p-value of a
 * difference between two groups (two-proportion z-test, pooled standard error).
 */

/** z for a two-sided 95 % interval. */
export const Z_95 = 1.959963984540054;

export interface GroupCounts {
  entered: number;
  converted: number;
  revenueCents: number;
}

/** converted / entered, or null for an empty group. */
export function conversionRate(group: Pick<GroupCounts, "entered" | "converted">): number | null {
  return group.entered > 0 ? group.converted / group.entered : null;
}

/** Revenue per entered user in cents, or null for an empty group. */
export function revenuePerUser(
  group: Pick<GroupCounts, "entered" | "revenueCents">,
): number | null {
  return group.entered > 0 ? group.revenueCents / group.entered : null;
}

export interface Uplift {
  /** rate(a) − rate(b). */
  difference: number;
  low: number;
  high: number;
}

/** The uplift of `a` over `b` with its 95 % interval; null when either group is empty. */
export function upliftInterval(
  a: Pick<GroupCounts, "entered" | "converted">,
  b: Pick<GroupCounts, "entered" | "converted">,
  z: number = Z_95,
): Uplift | null {
  const pa = conversionRate(a);
  const pb = conversionRate(b);
  if (pa === null || pb === null) return null;
  const se = Math.sqrt((pa * (1 - pa)) / a.entered + (pb * (1 - pb)) / b.entered);
  const difference = pa - pb;
  return { difference, low: difference - z * se, high: difference + z * se };
}

/**
 * Two-sided p-value that `a` and `b` convert at the same rate; null when either group is empty. Groups that cannot
 * differ (both never or both always converting) get 1.
 */
export function twoProportionPValue(
  a: Pick<GroupCounts, "entered" | "converted">,
  b: Pick<GroupCounts, "entered" | "converted">,
): number | null {
  if (a.entered === 0 || b.entered === 0) return null;
  const pooled = (a.converted + b.converted) / (a.entered + b.entered);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.entered + 1 / b.entered));
  if (se === 0) return 1;
  const z = (a.converted / a.entered - b.converted / b.entered) / se;
  return Math.min(1, 2 * normalUpperTail(Math.abs(z)));
}

/** P(Z > x) for a standard normal Z. */
export function normalUpperTail(x: number): number {
  return 0.5 * erfc(x / Math.SQRT2);
}

function erfc(x: number): number {
  // Numerical Recipes' erfc (Chebyshev fit), relative error below 1.2e-7 everywhere; enough for a report's p-value.
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
