/**
 * A customizable family (a family type without a child type) is bought with one item of its master type and one
 * subscription-type item per child type, whose count is how many codes of that type generation issues. UI-safe:
 * shared by the admin payment form and the server's check.
 */

export const CUSTOMIZABLE_FAMILY_MAX_CHILD_COUNT = 100;

export interface CustomizableFamilyChildOption {
  code: string;
  name: string;
  priceCents: number;
}

export interface CustomizableFamilyOption {
  masterCode: string;
  /** The child types the family may hold: every active subscription type that is not a family master type. */
  childTypes: CustomizableFamilyChildOption[];
}

/**
 * What is wrong with a customizable family payment's items, or null: exactly one master item with count 1, at least
 * one child item, each child type allowed and listed once, each child count 1–100.
 */
export function customizableFamilyItemsProblem(
  items: readonly { subscriptionTypeCode: string; count: number }[],
  family: CustomizableFamilyOption,
): string | null {
  const masters = items.filter((item) => item.subscriptionTypeCode === family.masterCode);
  if (masters.length !== 1 || masters[0]?.count !== 1)
    return "A customizable family payment has one item of its family type, with count 1.";
  const children = items.filter((item) => item.subscriptionTypeCode !== family.masterCode);
  if (children.length === 0) return "Add at least one child subscription type with a count.";
  const seen = new Set<string>();
  for (const child of children) {
    const type = family.childTypes.find(
      (candidate) => candidate.code === child.subscriptionTypeCode,
    );
    if (!type) return `"${child.subscriptionTypeCode}" cannot be a child type of this family.`;
    if (seen.has(type.code)) return `${type.name} is listed twice; give it one count.`;
    seen.add(type.code);
    if (
      !Number.isInteger(child.count) ||
      child.count < 1 ||
      child.count > CUSTOMIZABLE_FAMILY_MAX_CHILD_COUNT
    ) {
      return `${type.name}: the count is a whole number from 1 to ${CUSTOMIZABLE_FAMILY_MAX_CHILD_COUNT}.`;
    }
  }
  return null;
}
