import Link from "next/link";
import { Td } from "@/components/ui/table";

/** A table cell linking to a user's admin page, shown where a list spans several users. */
export function UserCell({ userId, email }: { userId: number; email: string }) {
  return (
    <Td>
      <Link
        href={`/admin/users/${userId}`}
        className="font-medium break-all text-brand-700 hover:underline"
      >
        {email}
      </Link>
    </Td>
  );
}
