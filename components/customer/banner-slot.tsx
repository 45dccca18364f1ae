import "server-only";
import { dismissBannerAction } from "@/lib/actions/banners/dismiss-banner";
import { ActionButton } from "@/components/ui/action-button";
import { listActiveUserBanners } from "@/lib/banners/list-active-user-banners";
import { getDb } from "@/lib/db";
import { BannerView } from "./banner-view";

/**
 * The customer zone's banner slot: the user's active banners, newest first, each with a Dismiss button. It loads its
 * own data and action so the account layout needs one line for it. Renders nothing when there are none.
 */
export async function BannerSlot({ userId }: { userId: number }) {
  const banners = await listActiveUserBanners(await getDb(), { userId });
  if (banners.length === 0) return null;
  return (
    <div className="mb-6 space-y-3" data-testid="banner-slot">
      {banners.map((banner) => (
        <BannerView
          key={banner.id}
          banner={banner}
          testId={`banner-${banner.id}`}
          actions={
            <ActionButton
              action={dismissBannerAction}
              fields={{ userBannerId: banner.id }}
              label="Dismiss"
              pendingLabel="Dismissing…"
              variant="ghost"
              testId={`banner-dismiss-${banner.id}`}
            />
          }
        />
      ))}
    </div>
  );
}
