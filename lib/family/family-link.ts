import "server-only";
import { appBaseUrl } from "@/lib/email/build-email-context";

/** The public activation page of a code, on the configured origin (NEXTAUTH_URL), as shown and emailed to friends. */
export function familyActivationLink(code: string): string {
  return `${appBaseUrl()}/family/activate/${code}`;
}
