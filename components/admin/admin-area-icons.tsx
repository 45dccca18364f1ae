import type { ReactNode } from "react";

/** Outline glyphs (24 × 24, stroke 1.75) for the admin's areas: the collapsed sidebar shows them alone. */
const GLYPHS: Record<string, ReactNode> = {
  dashboard: (
    <>
      <rect x="3.5" y="3.5" width="7" height="8" rx="1.5" />
      <rect x="13.5" y="3.5" width="7" height="5" rx="1.5" />
      <rect x="13.5" y="11.5" width="7" height="9" rx="1.5" />
      <rect x="3.5" y="14.5" width="7" height="6" rx="1.5" />
    </>
  ),
  users: (
    <>
      <circle cx="9" cy="8" r="3.5" />
      <path d="M2.5 20c.6-3.6 3.3-5.5 6.5-5.5s5.9 1.9 6.5 5.5" />
      <path d="M15.5 4.8a3.5 3.5 0 0 1 0 6.4M18 14.8c1.9.7 3.1 2.4 3.5 5.2" />
    </>
  ),
  subscriptions: (
    <>
      <path d="M4 12a8 8 0 0 1 13.7-5.6L20 8.5" />
      <path d="M20 3.5v5h-5" />
      <path d="M20 12a8 8 0 0 1-13.7 5.6L4 15.5" />
      <path d="M4 20.5v-5h5" />
    </>
  ),
  "subscription-types": (
    <>
      <path d="M3.5 12.6V4.5a1 1 0 0 1 1-1h8.1a1 1 0 0 1 .7.3l7.2 7.2a1 1 0 0 1 0 1.4l-8.1 8.1a1 1 0 0 1-1.4 0l-7.2-7.2a1 1 0 0 1-.3-.7Z" />
      <circle cx="8.5" cy="8.5" r="1.5" />
    </>
  ),
  "content-access": (
    <>
      <rect x="4.5" y="10.5" width="15" height="10" rx="2" />
      <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" />
      <path d="M12 14.5v2" />
    </>
  ),
  payments: (
    <>
      <rect x="2.5" y="5.5" width="19" height="13" rx="2" />
      <path d="M2.5 10h19M6.5 15h4" />
    </>
  ),
  "recurrent-payments": (
    <>
      <rect x="3.5" y="4.5" width="17" height="16" rx="2" />
      <path d="M3.5 9.5h17M8 2.5v4M16 2.5v4" />
      <path d="M9 15l2 2 4-4" />
    </>
  ),
  segments: (
    <>
      <path d="M12 3.5a8.5 8.5 0 1 0 8.5 8.5H12Z" />
      <path d="M15 3.8A8.5 8.5 0 0 1 20.2 9H15Z" />
    </>
  ),
  "email-templates": (
    <>
      <path d="M6 2.5h8l4.5 4.5v13a1.5 1.5 0 0 1-1.5 1.5H6A1.5 1.5 0 0 1 4.5 20V4A1.5 1.5 0 0 1 6 2.5Z" />
      <path d="M13.5 2.5V7.5h5M8 12.5h8M8 16.5h5" />
    </>
  ),
  "email-topics": (
    <>
      <path d="M4.5 3.5h9l6 6v9a2 2 0 0 1-2 2h-13Z" />
      <path d="M8 9.5h5M8 13.5h8M8 17.5h8" />
    </>
  ),
  emails: (
    <>
      <rect x="2.5" y="5" width="19" height="14" rx="2" />
      <path d="m3 6.5 9 6.5 9-6.5" />
    </>
  ),
  banners: (
    <>
      <path d="M5 21V3.5" />
      <path d="M5 4.5h12.5l-2.5 4 2.5 4H5" />
    </>
  ),
  goals: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <circle cx="12" cy="12" r="5" />
      <circle cx="12" cy="12" r="1.5" />
    </>
  ),
  scenarios: (
    <>
      <rect x="3" y="3.5" width="7" height="5" rx="1.2" />
      <rect x="14" y="9.5" width="7" height="5" rx="1.2" />
      <rect x="3" y="15.5" width="7" height="5" rx="1.2" />
      <path d="M10 6h2.5v12H10M12.5 12H14" />
    </>
  ),
  upgrades: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 16.5v-9M8.5 11 12 7.5l3.5 3.5" />
    </>
  ),
  family: (
    <>
      <circle cx="7.5" cy="7" r="2.5" />
      <circle cx="16.5" cy="7" r="2.5" />
      <circle cx="12" cy="13.5" r="2" />
      <path d="M3 17.5c0-3 2-5 4.5-5M21 17.5c0-3-2-5-4.5-5M8.5 20.5c.4-2 1.8-3 3.5-3s3.1 1 3.5 3" />
    </>
  ),
  referrals: (
    <>
      <circle cx="6" cy="12" r="2.5" />
      <circle cx="18" cy="5.5" r="2.5" />
      <circle cx="18" cy="18.5" r="2.5" />
      <path d="m8.2 10.8 7.6-4.1M8.2 13.2l7.6 4.1" />
    </>
  ),
  "receipt-settings": (
    <>
      <path d="M5.5 2.5h13v19l-2.2-1.5-2.1 1.5-2.2-1.5-2.1 1.5-2.2-1.5-2.2 1.5Z" />
      <path d="M9 7.5h6M9 11.5h6M9 15.5h3" />
    </>
  ),
  "time-zone-settings": (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 7v5l3.5 2" />
    </>
  ),
  "email-delivery-settings": (
    <>
      <path d="M12.5 18.5h-8a1.5 1.5 0 0 1-1.5-1.5V7a1.5 1.5 0 0 1 1.5-1.5h15A1.5 1.5 0 0 1 21 7v4" />
      <path d="m3.5 7 8.5 6 8.5-6" />
      <circle cx="18" cy="17.5" r="3.5" />
      <path d="M18 16v1.5l1 1" />
    </>
  ),
  "outbound-settings": (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M3.5 12h17M12 3.5c2.3 2.3 3.5 5.2 3.5 8.5s-1.2 6.2-3.5 8.5c-2.3-2.3-3.5-5.2-3.5-8.5s1.2-6.2 3.5-8.5Z" />
    </>
  ),
  audit: (
    <>
      <rect x="4.5" y="4" width="15" height="17" rx="2" />
      <path d="M9 2.5h6v3H9zM8 10.5h8M8 14h8M8 17.5h5" />
    </>
  ),
  "api-tokens": (
    <>
      <circle cx="8" cy="15" r="4.5" />
      <path d="m11.2 11.8 8.3-8.3M16.5 6.5l2.5 2.5M14 9l2 2" />
    </>
  ),
  "dev-runs": (
    <>
      <rect x="2.5" y="4" width="19" height="16" rx="2" />
      <path d="m6.5 9.5 3 2.5-3 2.5M12 15h5" />
    </>
  ),
};

/** A generic square for an area without a glyph of its own. */
const FALLBACK = <rect x="4.5" y="4.5" width="15" height="15" rx="3" />;

export function AdminAreaIcon({ slug, className }: { slug: string; className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
      className={className}
      aria-hidden
    >
      {GLYPHS[slug] ?? FALLBACK}
    </svg>
  );
}
