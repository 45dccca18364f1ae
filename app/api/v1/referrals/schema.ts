import { z } from "zod";
import { timestampSchema } from "@/lib/api/entity-schemas";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { discountKind, referralRewardRole, referralSource, referralStatus } from "@/lib/db/schema";
import { emailSchema } from "@/lib/users/user-schemas";

export const inviteFriendBodySchema = z
  .strictObject({
    email: emailSchema.meta({ description: "The friend's address; it must have no account and not have been referred before." }),
    name: z.string().trim().max(200).nullable().optional().meta({ description: "The friend's name, used in the invitation email." }),
  })
  .meta({ id: "InviteFriendRequest" });

export const referralItemSchema = z
  .object({
    id: z.number().int(),
    email: z.string().meta({
      description: "The friend's address: as invited, or masked (`j•••e@example.com`) when they came through the link.",
    }),
    name: z.string().nullable(),
    status: z.enum(referralStatus.enumValues).meta({
      description: "`pending` until the program's trigger fires; `complete` once rewarded; `error` while a reward waits for a retry.",
    }),
    source: z.enum(referralSource.enumValues).meta({ description: "`invitation` (by email) or `link` (the /r/<code> link)." }),
    under_review: z.boolean().meta({ description: "Held for a person to check before any reward." }),
    reward_capped: z.boolean().meta({ description: "Completed past the program's cap on rewards: nothing was granted for it." }),
    created_at: timestampSchema,
    completed_at: timestampSchema.nullable(),
    expires_at: timestampSchema.nullable().meta({ description: "When a pending referral expires, if the program has a time limit." }),
  })
  .meta({ id: "Referral" });

export const discountCodeItemSchema = z
  .object({
    code: z.string().meta({ description: "What to enter at checkout." }),
    kind: z.enum(discountKind.enumValues),
    percent_off: z.number().int().nullable(),
    amount_off_cents: z.number().int().nullable(),
    expires_at: timestampSchema.nullable(),
    used_at: timestampSchema.nullable().meta({ description: "When the payment it was applied to was paid." }),
  })
  .meta({ id: "DiscountCode" });

export const referralRewardItemSchema = z
  .object({
    id: z.number().int(),
    referral_id: z.number().int(),
    role: z.enum(referralRewardRole.enumValues).meta({ description: "`referrer` (you invited) or `friend` (you were invited)." }),
    type: z.string().meta({ description: "The reward type: `free_days`, `discount` or `no_reward`." }),
    description: z.string().meta({ description: "What was granted, for people (\"30 free days\")." }),
    created_at: timestampSchema,
    discount_code: discountCodeItemSchema.nullable().meta({ description: "The code a `discount` reward gave; null otherwise." }),
  })
  .meta({ id: "ReferralReward" });

export const inviteFriendResponseSchema = z
  .object({
    referral: referralItemSchema,
    invitation_sent: z.boolean().meta({
      description: "Whether the invitation email went out. The referral stands either way; a failed delivery is listed in the admin's email log.",
    }),
  })
  .meta({ id: "InviteFriendResponse" });

export const referralListSchema = z
  .object({
    referrals: z.array(referralItemSchema).meta({ description: "The user's referrals, newest first." }),
    rewards: z.array(referralRewardItemSchema).meta({ description: "Rewards the user earned, as referrer or friend, newest first." }),
  })
  .meta({ id: "ReferralList" });

export const inviteFriendOperation = defineOperation({
  operationId: "inviteFriend",
  summary: "Invite a friend by email",
  description:
    "Creates a referral in the default program and emails the friend the user's referral link. An address can be " +
    "referred once, by anyone; two concurrent invitations of one address give one 201 and one " +
    "`referral_already_referred`. A user may send 20 invitations an hour (then 429 `referral_rate_limited`).",
  tags: ["Referrals"],
  auth: { token: "user" },
  body: inviteFriendBodySchema,
  responses: { "201": { description: "The referral.", content: jsonContent(inviteFriendResponseSchema) } },
  errors: {
    400: ["referral_self"],
    409: ["referral_user_exists", "referral_already_referred", "referral_program_missing"],
    429: ["referral_rate_limited"],
  },
});

export const listReferralsOperation = defineOperation({
  operationId: "listReferrals",
  summary: "The signed-in user's referrals and rewards",
  description: "Every referral the user made, in every status, and every reward they earned, newest first.",
  tags: ["Referrals"],
  auth: { token: "user" },
  responses: { "200": { description: "Referrals and rewards.", content: jsonContent(referralListSchema) } },
});
