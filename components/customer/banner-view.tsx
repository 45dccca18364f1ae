import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { BannerContent } from "@/lib/banners/schemas";
import type { BannerStyle } from "@/lib/db/schema";

/**
 * One banner as a customer sees it. Presentational only (no hooks, no server imports), so the customer slot and the
 * admin form's live preview render the very same markup.
 */
const styles: Record<BannerStyle, { box: string; link: string }> = {
  info: { box: "border-sky-200 bg-sky-50 text-sky-900", link: "text-sky-800" },
  success: { box: "border-emerald-200 bg-emerald-50 text-emerald-900", link: "text-emerald-800" },
  warning: { box: "border-amber-200 bg-amber-50 text-amber-900", link: "text-amber-900" },
  promo: { box: "border-brand-100 bg-brand-50 text-brand-700", link: "text-brand-600" },
};

export function BannerView({
  banner,
  actions,
  testId,
}: {
  banner: BannerContent;
  /** Controls beside the text (the customer's Dismiss button). */
  actions?: ReactNode;
  testId?: string;
}) {
  const style = styles[banner.style];
  const external = banner.linkUrl !== null && !banner.linkUrl.startsWith("/");
  return (
    <section
      role="status"
      aria-label={banner.title}
      className={cn(
        "flex items-start justify-between gap-4 rounded-lg border px-4 py-3",
        style.box,
      )}
      data-testid={testId}
      data-style={banner.style}
    >
      <div className="min-w-0 space-y-1">
        <p className="text-sm font-semibold">{banner.title}</p>
        {banner.text ? (
          <p className="text-sm whitespace-pre-line opacity-90">{banner.text}</p>
        ) : null}
        {banner.linkUrl ? (
          <a
            href={banner.linkUrl}
            className={cn(
              "inline-block text-sm font-medium underline underline-offset-2",
              style.link,
            )}
            {...(external ? { target: "_blank", rel: "noopener noreferrer" } : {})}
            data-testid={testId ? `${testId}-link` : undefined}
          >
            {banner.linkText || "Learn more"}
          </a>
        ) : null}
      </div>
      {actions ? <div className="shrink-0">{actions}</div> : null}
    </section>
  );
}
