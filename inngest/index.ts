import { chargeRecurrentPayment } from "./functions/charge-recurrent-payment";
import { deliverOutbox } from "./functions/deliver-outbox";
import { familyRequestsGenerate } from "./functions/family-requests";
import { familySeatsAdd } from "./functions/family-seats-add";
import { paymentConfirmationSend } from "./functions/payment-confirmation-send";
import { paymentsReconcile } from "./functions/payments-reconcile";
import { recurrentPaymentsCharge } from "./functions/recurrent-payments-charge";
import { referralInvitationSend } from "./functions/referral-invitation-send";
import { referralRewardsRelease } from "./functions/referral-rewards-release";
import { referralsComplete } from "./functions/referrals-complete";
import { referralsExpire } from "./functions/referrals-expire";
import { scenarioRun, scenarioRunContinue } from "./functions/scenario-run";
import { scenarioRunsResume } from "./functions/scenario-runs-resume";
import { scenarioStatsAggregate } from "./functions/scenario-stats-aggregate";
import { scenarioStepsCleanup } from "./functions/scenario-steps-cleanup";
import { scenariosBeforeEvents } from "./functions/scenarios-before-events";
import { scenariosDispatch } from "./functions/scenarios-dispatch";
import { sendTemplateEmail } from "./functions/send-template-email";
import { subscriptionsLifecycle } from "./functions/subscriptions-lifecycle";

/** Every Inngest function of the app: served by app/api/inngest/route.ts. */
export const functions = [
  deliverOutbox,
  subscriptionsLifecycle,
  recurrentPaymentsCharge,
  chargeRecurrentPayment,
  paymentsReconcile,
  paymentConfirmationSend,
  sendTemplateEmail,
  scenariosDispatch,
  scenarioRun,
  scenarioRunContinue,
  scenarioRunsResume,
  scenariosBeforeEvents,
  scenarioStatsAggregate,
  scenarioStepsCleanup,
  familyRequestsGenerate,
  familySeatsAdd,
  referralsComplete,
  referralsExpire,
  referralInvitationSend,
  referralRewardsRelease,
];
