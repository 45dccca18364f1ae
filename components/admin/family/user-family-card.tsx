import "server-only";
import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getDb } from "@/lib/db";
import { countUserFamilyRequests } from "@/lib/family/admin/count-user-family-requests";

/** On the admin user page: the user's family codes as a master, linking to the master's view; nothing without any. */
export async function UserFamilyCard({ userId }: { userId: number }) {
  const { asMaster, asChild } = await countUserFamilyRequests(await getDb(), { userId });
  if (asMaster === 0 && asChild === 0) return null;
  return (
    <Card data-testid="user-family-card">
      <CardHeader title="Family" />
      <CardBody className="space-y-2 text-sm">
        {asMaster > 0 ? (
          <p>
            {asMaster} family code{asMaster === 1 ? "" : "s"} as a master.{" "}
            <Link
              href={`/admin/family/masters/${userId}`}
              className="text-brand-700 hover:underline"
              data-testid="user-family-link"
            >
              Open the master&apos;s view
            </Link>
          </p>
        ) : null}
        {asChild > 0 ? (
          <p className="text-zinc-600">
            Activated {asChild} code{asChild === 1 ? "" : "s"} from another account.
          </p>
        ) : null}
      </CardBody>
    </Card>
  );
}
