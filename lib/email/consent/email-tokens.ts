import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { authSecret } from "@/lib/auth/auth-secret";

/**
 * The tokens in an email's links (unsubscribe, preference centre, open pixel, tracked clicks): the facts they name,
 * sealed with AES-256-GCM under a key derived from the auth secret — signed (a changed token does not open) and
 * opaque (a reader learns neither user nor topic from one). base64url, about 60–90 characters.
 */
const PURPOSES = {
  /**
   * A recipient and a topic: `u` a user id, or `a` an address for a recipient who is no user (an invited friend); `m`
   * the Message-ID of the email the link came in (links sealed before it was added lack it).
   */
  unsubscribe: z.object({
    u: z.number().int().positive().optional(),
    a: z.string().optional(),
    t: z.number().int(),
    m: z.string().max(200).optional(),
  }),
  /** An email sent: its log id (the pixel) and, for a click, the link's index in the email as sent. */
  open: z.object({ e: z.number().int().positive() }),
  click: z.object({ e: z.number().int().positive(), l: z.number().int().min(0) }),
} as const;
export type EmailTokenPurpose = keyof typeof PURPOSES;
export type EmailTokenFacts<P extends EmailTokenPurpose> = z.output<(typeof PURPOSES)[P]>;

function keyFor(purpose: EmailTokenPurpose): Buffer {
  const secret = authSecret();
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: email links cannot be signed.");
  return createHash("sha256").update(`subflow-email-token:${purpose}:${secret}`).digest();
}

export function sealEmailToken<P extends EmailTokenPurpose>(
  purpose: P,
  facts: EmailTokenFacts<P>,
): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(purpose), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(facts), "utf8"), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
}

/** The facts of a token, or null for anything that is not a whole, unchanged token of this purpose. */
export function openEmailToken<P extends EmailTokenPurpose>(
  purpose: P,
  token: string,
): EmailTokenFacts<P> | null {
  if (token.length > 512 || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const raw = Buffer.from(token, "base64url");
  if (raw.length < 12 + 16 + 2) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFor(purpose), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    const plain = Buffer.concat([
      decipher.update(raw.subarray(12, raw.length - 16)),
      decipher.final(),
    ]).toString("utf8");
    const parsed = PURPOSES[purpose].safeParse(JSON.parse(plain));
    return parsed.success ? (parsed.data as EmailTokenFacts<P>) : null;
  } catch {
    return null;
  }
}
