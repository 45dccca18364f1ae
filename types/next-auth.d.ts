import type { UserRole } from "@/lib/db/schema/users";

declare module "next-auth" {
  interface User {
    role: UserRole;
  }
  interface Session {
    user?: { id: number; role: UserRole; name?: string | null; email?: string | null; image?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: number;
    role: UserRole;
  }
}
