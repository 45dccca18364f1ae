import "server-only";
import bcrypt from "bcryptjs";

/** bcrypt cost; tests lower it through BCRYPT_COST to keep the suite fast. */
function cost(): number {
  const configured = Number(process.env.BCRYPT_COST);
  return Number.isInteger(configured) && configured >= 4 && configured <= 15 ? configured : 11;
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, cost());
}

// Compared against when no user matches, so a missing account takes as long as a wrong password.
let dummyHash: string | undefined;

export async function verifyPassword(
  password: string,
  hash: string | null | undefined,
): Promise<boolean> {
  if (!hash) {
    dummyHash ??= await bcrypt.hash("no such user", cost());
    await bcrypt.compare(password, dummyHash);
    return false;
  }
  return bcrypt.compare(password, hash);
}
