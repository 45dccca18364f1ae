import {
  normalizeTags,
  UPGRADE_TYPES,
  type ParsedUpgradeOptionConfig,
  type UpgradeMethod,
} from "./option-config";
import type { UpgradeBase, UpgradeOffer, UpgradeTarget } from "./offer-types";
import { UPGRADERS } from "./upgraders";

/** Target resolution and offer selection (design.md "Upgrades"), pure over what load-upgrade-context.ts read. */

export interface CatalogType extends UpgradeTarget {
  active: boolean;
  isDefault: boolean;
}

export interface ContextOption {
  id: number;
  type: UpgradeMethod;
  config: ParsedUpgradeOptionConfig;
  /** The explicit target type, when the option names one. */
  subscriptionTypeId: number | null;
}

export interface OfferContext {
  userId: number;
  now: Date;
  base: UpgradeBase & {
    typeId: number;
    typePriceCents: number;
    typeLengthDays: number;
    paymentId: number;
  };
  recurrent: { expiresAt: Date | null } | null;
  options: ContextOption[];
  /** Every active default type, plus the options' explicit targets. */
  catalog: CatalogType[];
}

export interface OfferRequest {
  tags: readonly string[];
  /** Only offers whose target adds this content access. */
  content: string | null;
}

const contentKey = (lengthDays: number, codes: readonly string[]) =>
  `${lengthDays}|${[...codes].sort().join(",")}`;

/** The cheapest active default type for each (length, content-access set). */
export function indexDefaultTypes(catalog: readonly CatalogType[]): Map<string, CatalogType> {
  const index = new Map<string, CatalogType>();
  for (const type of catalog) {
    if (!type.active || !type.isDefault) continue;
    const key = contentKey(type.lengthDays, type.contentAccess);
    const current = index.get(key);
    if (
      !current ||
      type.priceCents < current.priceCents ||
      (type.priceCents === current.priceCents && type.id < current.id)
    ) {
      index.set(key, type);
    }
  }
  return index;
}

export type TargetResolution =
  { target: CatalogType; gainedContent: string[] } | { reason: string };

/**
 * The explicit target, else the cheapest active default type of the base's length whose content access is exactly
 * the base's plus `require_content`, minus `omit_content`. An option whose target adds no content is skipped.
 */
export function resolveTarget(
  option: ContextOption,
  base: { contentAccess: readonly string[]; typeLengthDays: number; typeId: number },
  catalog: readonly CatalogType[],
  defaults: Map<string, CatalogType>,
): TargetResolution {
  const omit = new Set(option.config.omit_content ?? []);
  let target: CatalogType | undefined;
  if (option.subscriptionTypeId !== null) {
    target = catalog.find((type) => type.id === option.subscriptionTypeId);
    if (!target || !target.active) return { reason: "The explicit target type is not active." };
  } else {
    const wanted = [...new Set([...base.contentAccess, ...option.config.require_content])].filter(
      (code) => !omit.has(code),
    );
    target = defaults.get(contentKey(base.typeLengthDays, wanted));
    if (!target)
      return {
        reason: `No default type of ${base.typeLengthDays} days with content ${wanted.join(", ")}.`,
      };
  }
  if (target.id === base.typeId) return { reason: "The target is the base type." };
  if (target.contentAccess.some((code) => omit.has(code)))
    return { reason: "The target has omitted content access." };
  const gainedContent = target.contentAccess.filter((code) => !base.contentAccess.includes(code));
  if (gainedContent.length === 0) return { reason: "The target adds no content access." };
  return { target, gainedContent };
}

function tagsEqual(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}

const METHOD_ORDER = new Map(UPGRADE_TYPES.map((type, i) => [type, i]));

/** Every offer for the base: per (method, target) the most profitable option (ties: the older option). */
export function selectOffers(context: OfferContext, request: OfferRequest): UpgradeOffer[] {
  const tags = normalizeTags(request.tags);
  const defaults = indexDefaultTypes(context.catalog);
  const best = new Map<string, UpgradeOffer>();
  const options = [...context.options].sort((a, b) => a.id - b.id);
  for (const option of options) {
    if (!tagsEqual(normalizeTags(option.config.require_tags ?? []), tags)) continue;
    const resolved = resolveTarget(option, context.base, context.catalog, defaults);
    if ("reason" in resolved) continue;
    if (request.content !== null && !resolved.gainedContent.includes(request.content)) continue;
    const outcome = UPGRADERS[option.type]({
      now: context.now,
      base: {
        startAt: context.base.startAt,
        endAt: context.base.endAt,
        typePriceCents: context.base.typePriceCents,
      },
      paidCents: context.base.paidCents,
      recurrent: context.recurrent,
      target: resolved.target,
      config: option.config,
    });
    if (!outcome.offered) continue;
    const { id, code, name, lengthDays, priceCents, contentAccess } = resolved.target;
    const target = { id, code, name, lengthDays, priceCents, contentAccess };
    const offer: UpgradeOffer = {
      ...outcome.result,
      optionId: option.id,
      target,
      gainedContent: resolved.gainedContent,
    };
    const key = `${offer.type}:${target.id}`;
    const current = best.get(key);
    if (!current || offer.profitability > current.profitability) best.set(key, offer);
  }
  return [...best.values()].sort(
    (a, b) =>
      a.target.priceCents - b.target.priceCents ||
      a.target.code.localeCompare(b.target.code) ||
      (METHOD_ORDER.get(a.type) ?? 0) - (METHOD_ORDER.get(b.type) ?? 0),
  );
}
