import { createDocument, type ZodOpenApiObject } from "zod-openapi";
import { API_SCOPES } from "@/lib/api-tokens/api-scopes";
import * as adminTools from "@/lib/api/operations/admin-tools";
import * as audit from "@/lib/api/operations/audit";
import * as banners from "@/lib/api/operations/banners";
import * as billing from "@/lib/api/operations/billing";
import * as email from "@/lib/api/operations/email";
import * as emailTemplates from "@/lib/api/operations/email-templates";
import * as emailTopics from "@/lib/api/operations/email-topics";
import * as emailStats from "@/lib/api/operations/email-stats";
import * as events from "@/lib/api/operations/events";
import * as family from "@/lib/api/operations/family";
import * as goals from "@/lib/api/operations/goals";
import * as payments from "@/lib/api/operations/payments";
import * as purchases from "@/lib/api/operations/purchases";
import * as referralPrograms from "@/lib/api/operations/referral-programs";
import * as referrals from "@/lib/api/operations/referrals";
import * as scenarioInsight from "@/lib/api/operations/scenario-insight";
import * as scenarioReport from "@/lib/api/operations/scenario-report";
import * as scenarioVersions from "@/lib/api/operations/scenario-versions";
import * as scenarios from "@/lib/api/operations/scenarios";
import * as segments from "@/lib/api/operations/segments";
import * as settings from "@/lib/api/operations/settings";
import * as subscriptions from "@/lib/api/operations/subscriptions";
import * as upgradeSchemas from "@/lib/api/operations/upgrade-schemas";
import * as upgrades from "@/lib/api/operations/upgrades";
import * as users from "@/lib/api/operations/users";
import { domainEventComponents } from "@/lib/events/openapi-events";

/**
 * Paths relative to the server URL `/api/v1`. Each operation comes from lib/api/operations/<domain>.ts, which also
 * holds the request schemas its route parses with. Path parameters are written the OpenAPI way (`{id}`); the route
 * directories use Next's `[id]`.
 */
const paths: ZodOpenApiObject["paths"] = {
  "/users/login": { post: users.loginOperation },
  "/users/logout": { post: users.logoutOperation },
  "/users/me": { get: users.meOperation, patch: users.updateMeOperation },
  "/users/me/email": { post: users.requestEmailChangeOperation },
  "/users/me/password": { post: users.changePasswordOperation },
  "/users/password-reset": { post: users.passwordResetOperation },
  "/users/password-reset/confirm": { post: users.confirmPasswordResetOperation },
  "/users": { post: users.createUserOperation },
  "/subscription-types": {
    get: subscriptions.listSubscriptionTypesOperation,
    post: subscriptions.createSubscriptionTypeOperation,
  },
  "/subscriptions": { post: subscriptions.createSubscriptionOperation },
  "/payments": { post: payments.createPaymentOperation },
  "/payments/{id}/retry": { post: billing.retryPaymentOperation },
  "/users/me/renewal": { post: billing.setRenewalOperation },
  "/users/me/plan-change": {
    post: billing.schedulePlanChangeOperation,
    delete: billing.cancelPlanChangeOperation,
  },
  "/users/me/card": { post: billing.saveCardOperation },
  "/payments/{id}/receipt.pdf": { get: payments.getReceiptPdfOperation },
  "/users/me/payments": { get: users.listMyPaymentsOperation },
  "/purchases": { post: purchases.purchaseOperation },
  "/events": { post: events.createEventOperation },
  "/banners": { get: banners.listBannersOperation, post: banners.createBannerOperation },
  "/banners/{id}": {
    get: banners.getBannerOperation,
    put: banners.updateBannerOperation,
    delete: banners.deleteBannerOperation,
  },
  "/users/me/banners": { get: banners.listMyBannersOperation },
  "/users/me/email-preferences": {
    get: emailTopics.getMyEmailPreferencesOperation,
    put: emailTopics.updateMyEmailPreferencesOperation,
  },
  "/email-topics": {
    get: emailTopics.listEmailTopicsOperation,
    post: emailTopics.createEmailTopicOperation,
  },
  "/email-topics/{id}": {
    get: emailTopics.getEmailTopicOperation,
    patch: emailTopics.updateEmailTopicOperation,
    delete: emailTopics.deleteEmailTopicOperation,
  },
  "/users/me/banners/{id}/dismiss": { post: banners.dismissMyBannerOperation },
  "/goals": { get: goals.listGoalsOperation, post: goals.createGoalOperation },
  "/goals/complete": { post: goals.completeGoalOperation },
  "/upgrades": { get: upgrades.listUpgradesOperation, post: upgrades.applyUpgradeOperation },
  "/family/list": { get: family.listFamilyRequestsOperation },
  "/family/activate": { post: family.activateFamilyOperation },
  "/family/leave": { post: family.leaveFamilyOperation },
  "/family/revoke": { post: family.revokeFamilyOperation },
  "/family/seats": { post: family.buyFamilySeatsOperation },
  "/scenarios": { get: scenarios.listScenariosOperation, post: scenarios.createScenarioOperation },
  "/scenarios/test-event": { post: scenarioInsight.fireScenarioTestOperation },
  "/scenarios/registry": { get: scenarioInsight.getScenarioRegistryOperation },
  "/scenarios/{id}": {
    get: scenarios.getScenarioOperation,
    put: scenarios.updateScenarioOperation,
    delete: scenarios.deleteScenarioOperation,
  },
  "/scenarios/{id}/publish": { post: scenarios.publishScenarioOperation },
  "/scenarios/{id}/enable": { post: scenarios.enableScenarioOperation },
  "/scenarios/{id}/disable": { post: scenarios.disableScenarioOperation },
  "/scenarios/{id}/duplicate": { post: scenarios.duplicateScenarioOperation },
  "/scenarios/{id}/restore": { post: scenarios.restoreScenarioOperation },
  "/scenarios/{id}/versions": { get: scenarioVersions.listScenarioVersionsOperation },
  "/scenarios/{id}/versions/{number}": { get: scenarioVersions.getScenarioVersionOperation },
  "/scenarios/{id}/versions/{number}/restore": {
    post: scenarioVersions.restoreScenarioVersionOperation,
  },
  "/scenarios/{id}/stats": { get: scenarioInsight.getScenarioStatsOperation },
  "/scenarios/{id}/report": { get: scenarioReport.getScenarioReportOperation },
  "/scenarios/{id}/email-stats": { get: emailStats.getScenarioEmailStatsOperation },
  "/scenarios/{id}/runs": { get: scenarioInsight.listScenarioRunsOperation },
  "/scenarios/{id}/runs/{runId}": { get: scenarioInsight.getScenarioRunOperation },
  "/scenarios/{id}/simulate": { post: scenarioInsight.simulateScenarioOperation },
  "/segments": { get: segments.listSegmentsOperation, post: segments.createSegmentOperation },
  "/segments/{id}": {
    get: segments.getSegmentOperation,
    put: segments.updateSegmentOperation,
    delete: segments.deleteSegmentOperation,
  },
  "/segments/{id}/count": { get: segments.countSegmentOperation },
  "/segments/{id}/users/{userId}": { get: segments.segmentMembershipOperation },
  "/upgrade-schemas": {
    get: upgradeSchemas.listUpgradeSchemasOperation,
    post: upgradeSchemas.createUpgradeSchemaOperation,
  },
  "/upgrade-schemas/{id}/options": { post: upgradeSchemas.createUpgradeOptionOperation },
  "/upgrade-schemas/{id}/subscription-types": {
    post: upgradeSchemas.linkUpgradeSchemaSubscriptionTypesOperation,
  },
  "/family/types": { get: family.listFamilyTypesOperation, post: family.createFamilyTypeOperation },
  "/referral-programs": {
    get: referralPrograms.listReferralProgramsOperation,
    post: referralPrograms.createReferralProgramOperation,
  },
  "/referrals": { get: referrals.listReferralsOperation, post: referrals.inviteFriendOperation },
  "/referrals/{id}/review": { post: referrals.reviewReferralOperation },
  "/referrals/{id}/retry": { post: referrals.retryReferralOperation },
  "/referral-programs/{id}/referrals": { get: referralPrograms.listProgramReferralsOperation },
  "/referral-programs/{id}": {
    get: referralPrograms.getReferralProgramOperation,
    put: referralPrograms.updateReferralProgramOperation,
    delete: referralPrograms.deleteReferralProgramOperation,
  },
  "/email-templates": {
    get: emailTemplates.listEmailTemplatesOperation,
    post: emailTemplates.createEmailTemplateOperation,
  },
  "/email-templates/{id}": {
    get: emailTemplates.getEmailTemplateOperation,
    put: emailTemplates.replaceEmailTemplateOperation,
    delete: emailTemplates.deleteEmailTemplateOperation,
  },
  "/email-templates/{id}/stats": { get: emailStats.getEmailTemplateStatsOperation },
  "/email-events": { post: email.recordEmailEventOperation },
  "/users/{id}/email-log": { get: email.listUserEmailLogOperation },
  "/email-suppressions": {
    get: email.listEmailSuppressionsOperation,
    post: email.addEmailSuppressionOperation,
  },
  "/email-suppressions/{id}/lift": { post: email.liftEmailSuppressionOperation },
  "/settings/email-delivery": {
    get: settings.getEmailDeliverySettingsOperation,
    patch: settings.updateEmailDeliverySettingsOperation,
  },
  "/audit-log": { get: audit.listAuditLogOperation },
  "/search": { get: adminTools.searchOperation },
  "/users/export.csv": { get: adminTools.exportUsersOperation },
  "/subscriptions/export.csv": { get: adminTools.exportSubscriptionsOperation },
  "/payments/export.csv": { get: adminTools.exportPaymentsOperation },
  "/referrals/export.csv": { get: adminTools.exportReferralsOperation },
  "/openapi.json": {
    get: {
      operationId: "getOpenApiDocument",
      summary: "This document",
      tags: ["Meta"],
      security: [],
      responses: { "200": { description: "The OpenAPI 3.1 document." } },
    },
  },
};

const scopeList = API_SCOPES.map((s) => `\`${s.scope}\` (${s.label.toLowerCase()})`).join(", ");

export function buildOpenApiDocument() {
  return createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Subflow API",
        version: "1.0.0",
        description:
          "Server-to-server and customer API of Subflow. JSON in snake_case; timestamps ISO 8601 with an offset; " +
          'money in integer cents. Errors are `{ "error": "<code>", "message": "…" }`. A body naming an ' +
          "entity that does not exist (user, subscription type, content access) is 400 with a `*_not_found` code.",
      },
      servers: [{ url: "/api/v1" }],
      paths,
      components: {
        schemas: domainEventComponents,
        securitySchemes: {
          apiToken: {
            type: "http",
            scheme: "bearer",
            bearerFormat: "sf_api_…",
            description: `An API token (an owner makes it in admin → API tokens, or \`npm run tokens:create\`), whitelisted per scope: ${scopeList}. A token acts with at most the current role of the person who made it: a scope that role no longer allows is refused (403 \`insufficient_scope\`).`,
          },
          userToken: {
            type: "http",
            scheme: "bearer",
            bearerFormat: "sf_user_…",
            description: "A user token from POST /users/login.",
          },
        },
      },
    },
    {
      // zod's ISO regexes add nothing for readers over `format: date-time` / `date`; keep the document legible.
      override: ({ jsonSchema }) => {
        if (jsonSchema.format === "date-time" || jsonSchema.format === "date")
          delete jsonSchema.pattern;
      },
    },
  );
}

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The document is static for a build, so it is generated once per process. */
export function openApiDocument() {
  cached ??= buildOpenApiDocument();
  return cached;
}
