import "server-only";
import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { getDb } from "@/lib/db";
import { listReferrals } from "@/lib/referrals/admin/list-referrals";
import { ReferralStatusBadge } from "./referral-badges";

// The card shows the latest few; the full list is the referrals page filtered by the user's email.
const CARD_LIMIT = 10;

/** On the admin user page: the referral that brought the user, and the referrals they made; nothing without any. */
export async function UserReferralsCard({ userId, email }: { userId: number; email: string }) {
  const db = await getDb();
  const [made, brought] = await Promise.all([
    listReferrals(db, { referrerUserId: userId, limit: CARD_LIMIT, offset: 0 }),
    listReferrals(db, { referredUserId: userId, limit: 1, offset: 0 }),
  ]);
  const broughtBy = brought.rows[0];
  if (made.total === 0 && !broughtBy) return null;
  return (
    <Card data-testid="user-referrals-card">
      <CardHeader title="Referrals" />
      <CardBody className="space-y-3 text-sm">
        {broughtBy ? (
          <p data-testid="user-referred-by">
            Referred by{" "}
            <Link
              href={`/admin/users/${broughtBy.referrerUserId}`}
              className="text-brand-700 hover:underline"
            >
              {broughtBy.referrerEmail}
            </Link>{" "}
            <ReferralStatusBadge status={broughtBy.status} />
          </p>
        ) : null}
        {made.total > 0 ? (
          <div>
            <p className="text-zinc-600">
              Referred {made.total} {made.total === 1 ? "person" : "people"}:
            </p>
            <ul className="mt-1 space-y-1" data-testid="user-referrals-made">
              {made.rows.map((row) => (
                <li key={row.id} className="flex items-center justify-between gap-2">
                  <span className="min-w-0 truncate">{row.friendEmail ?? row.referredEmail}</span>
                  <span className="flex shrink-0 items-center gap-2 text-xs text-zinc-500">
                    <Time value={row.createdAt} dateOnly />{" "}
                    <ReferralStatusBadge status={row.status} />
                  </span>
                </li>
              ))}
            </ul>
            {made.total > made.rows.length ? (
              <Link
                href={`/admin/referrals?email=${encodeURIComponent(email)}`}
                className="mt-2 inline-block text-brand-700 hover:underline"
              >
                All {made.total} referrals
              </Link>
            ) : null}
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}
