import type { UserRole } from "@/lib/db/schema/users";

declare module "next-auth" {
  interface User {
    role: UserRole;
    sessionVersion: number;
  }
  interface Session {
    user?: {
      id: number;
      role: UserRole;
      sessionVersion: number;
      name?: string | null;
      email?: string | null;
      image?: string | null;
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: number;
    role: UserRole;
    /** users.session_version when the session was issued; absent in sessions issued before it existed (read as 0). */
    sv?: number;
  }
}
