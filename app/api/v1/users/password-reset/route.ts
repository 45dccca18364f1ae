import { publicApiRoute, NextResponse } from "@/lib/api/api-route";
import { clientAddressOf } from "@/lib/http/client-address";
import { requestPasswordReset } from "@/lib/users/request-password-reset";
import { passwordResetBodySchema } from "@/lib/api/operations/users";

// One answer whatever the outcome (no account, rate-limited, sent), so the API does not reveal who has an account;
// only too many requests for an email or from an address are refused (429 too_many_attempts with Retry-After).
export const POST = publicApiRoute(
  { body: passwordResetBodySchema },
  async ({ db, body, request }) => {
    await requestPasswordReset(db, {
      email: body.email,
      clientAddress: clientAddressOf(request.headers),
    });
    return new NextResponse(null, { status: 202 });
  },
);
