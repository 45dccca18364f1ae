/**
 * The A/B form's rules, mirroring what publishing checks (the A/B test definition's `check`): percentages add up to 100 and codes are
 * unique; plus the next free code for an added variant.
 */
import type { NodeConfig } from "@/lib/scenarios/nodes/definitions";

type Variant = NodeConfig<"ab_test">["variants"][number];

export const percentTotal = (variants: readonly Variant[]) =>
  variants.reduce((sum, v) => sum + (Number.isFinite(v.percent) ? v.percent : 0), 0);

/** "Total 100%", or what is wrong with the total. */
export function totalMessage(variants: readonly Variant[]): { text: string; ok: boolean } {
  const total = percentTotal(variants);
  return total === 100
    ? { text: "Total 100%", ok: true }
    : { text: `Total ${total}% — must be 100%`, ok: false };
}

/** The first letter no variant uses yet (A, B, C…), then V27, V28… */
export function nextVariantCode(variants: readonly Variant[]): string {
  const used = new Set(variants.map((v) => v.code.toUpperCase()));
  for (let i = 0; i < 26; i++) {
    const code = String.fromCharCode(65 + i);
    if (!used.has(code)) return code;
  }
  for (let n = 27; ; n++) if (!used.has(`V${n}`)) return `V${n}`;
}

/** A new variant with the next free code and whatever share is left of 100%. */
export function newVariant(variants: readonly Variant[]): Variant {
  const code = nextVariantCode(variants);
  return { code, name: `Variant ${code}`, percent: Math.max(0, 100 - percentTotal(variants)) };
}

/** Why a variant's code cannot stand, or null. */
export function variantCodeMessage(variants: readonly Variant[], index: number): string | null {
  const code = variants[index]?.code ?? "";
  if (code === "") return "Required.";
  if (!/^[A-Za-z0-9_-]+$/.test(code)) return "Use letters, digits, - and _.";
  if (variants.some((v, i) => i !== index && v.code === code))
    return "Two variants share this code.";
  return null;
}
