/** Why a family request was canceled (family_requests.cancel_reason). UI-safe. */
export const FAMILY_CANCEL_REASONS = ["left", "revoked", "released", "stopped"] as const;
export type FamilyCancelReason = (typeof FAMILY_CANCEL_REASONS)[number];

export const FAMILY_CANCEL_REASON_LABELS: Record<FamilyCancelReason, string> = {
  left: "the member left",
  revoked: "revoked",
  released: "released",
  stopped: "their subscription was stopped",
};

export function familyCancelReasonLabel(reason: string | null): string | null {
  return (FAMILY_CANCEL_REASONS as readonly string[]).includes(reason ?? "")
    ? FAMILY_CANCEL_REASON_LABELS[reason as FamilyCancelReason]
    : null;
}
