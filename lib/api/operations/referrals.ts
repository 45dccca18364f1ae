import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/define-operation";
import { referralAdminJsonSchema } from "@/lib/referrals/admin/referral-admin-json";
import { referralIdPath } from "@/lib/referrals/referral-id-param";
import { referralRewardSchema, referralSchema } from "@/lib/referrals/referral-json";
import { emailSchema } from "@/lib/users/schemas";

export const inviteFriendBodySchema = z
  .strictObject({
    email: emailSchema.meta({
      description:
        "The friend's address; it must have no account and not have been referred before.",
    }),
    name: z
      .string()
      .trim()
      .max(200)
      .nullable()
      .optional()
      .meta({ description: "The friend's name, used in the invitation email." }),
  })
  .meta({ id: "InviteFriendRequest" });

export const inviteFriendResponseSchema = z
  .object({
    referral: referralSchema,
    invitation_sent: z.boolean().meta({
      description:
        "Whether the invitation email went out. The referral stands either way; a failed delivery is listed in the admin's email log.",
    }),
  })
  .meta({ id: "InviteFriendResponse" });

export const referralListSchema = z
  .object({
    referrals: z.array(referralSchema).meta({ description: "The user's referrals, newest first." }),
    rewards: z
      .array(referralRewardSchema)
      .meta({ description: "Rewards the user earned, as referrer or friend, newest first." }),
  })
  .meta({ id: "ReferralList" });

export const inviteFriendOperation = defineOperation({
  operationId: "inviteFriend",
  summary: "Invite a friend by email",
  description:
    "Creates a referral in the default program and emails the friend the user's referral link. An address can be " +
    "referred once, by anyone; two concurrent invitations of one address give one 201 and one " +
    "`referral_already_referred`. A user may send 20 invitations an hour (then 429 `referral_rate_limited`). " +
    "Attempts, refused ones included, are throttled per user and per client address: 429 `too_many_attempts` " +
    "with `Retry-After` (seconds).",
  tags: ["Referrals"],
  auth: { token: "user" },
  body: inviteFriendBodySchema,
  responses: {
    "201": { description: "The referral.", content: jsonContent(inviteFriendResponseSchema) },
  },
  errors: {
    400: ["referral_self"],
    409: ["referral_user_exists", "referral_already_referred", "referral_program_missing"],
    429: ["referral_rate_limited", "too_many_attempts"],
  },
});

export const listReferralsOperation = defineOperation({
  operationId: "listReferrals",
  summary: "The signed-in user's referrals and rewards",
  description:
    "Every referral the user made, in every status, and every reward they earned, newest first.",
  tags: ["Referrals"],
  auth: { token: "user" },
  responses: {
    "200": { description: "Referrals and rewards.", content: jsonContent(referralListSchema) },
  },
});

export const reviewReferralBodySchema = z
  .strictObject({
    decision: z.enum(["approve", "reject"]).meta({
      description:
        "`approve`: the referral goes on (and completes now if its trigger already fired); `reject`: never rewarded.",
    }),
  })
  .meta({ id: "ReviewReferralRequest" });

export const referralAdminResponseSchema = z
  .object({ referral: referralAdminJsonSchema })
  .meta({ id: "ReferralAdminResponse" });

export const reviewReferralOperation = {
  ...defineOperation({
    operationId: "reviewReferral",
    summary: "Approve or reject a referral held by the fraud guard",
    tags: ["Referrals"],
    auth: { token: "api", scope: "referrals" },
    body: reviewReferralBodySchema,
    responses: {
      "200": {
        description: "The referral after the decision.",
        content: jsonContent(referralAdminResponseSchema),
      },
    },
    errors: { 404: ["referral_not_found"], 409: ["referral_not_flagged"] },
  }),
  requestParams: referralIdPath,
};

export const retryReferralOperation = {
  ...defineOperation({
    operationId: "retryReferral",
    summary: "Grant a failed referral's rewards again",
    description:
      "For a referral in status `error`: it ends `complete`, or `error` again with the new reason.",
    tags: ["Referrals"],
    auth: { token: "api", scope: "referrals" },
    responses: {
      "200": {
        description: "The referral after the retry.",
        content: jsonContent(referralAdminResponseSchema),
      },
    },
    errors: {
      404: ["referral_not_found", "referral_program_missing"],
      409: ["referral_not_failed", "referral_payment_refunded"],
    },
  }),
  requestParams: referralIdPath,
};
