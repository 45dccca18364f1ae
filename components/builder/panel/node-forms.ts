import type { ComponentType } from "react";
import type { NodeType } from "@/lib/scenarios/nodes/definitions";
import { AbTestForm } from "./ab-test-form";
import { BannerForm } from "./banner-form";
import { BeforeEventForm } from "./before-event-form";
import { ConditionForm } from "./condition-form";
import { EmailForm } from "./email-form";
import { EventForm } from "./event-form";
import type { NodeFormProps } from "./form-props";
import { GenericForm } from "./generic-form";
import { GoalForm } from "./goal-form";
import { SegmentForm } from "./segment-form";
import { WaitForm } from "./wait-form";
import { WaitEventForm } from "./wait-event-form";

/** The side panel's form for each node type's config (the UI half of a node module; the rest is in lib/scenarios/nodes/). */
export const NODE_FORMS: { [T in NodeType]: ComponentType<NodeFormProps<T>> } = {
  event: EventForm,
  before_event: BeforeEventForm,
  condition: ConditionForm,
  email: EmailForm,
  banner: BannerForm,
  generic: GenericForm,
  segment: SegmentForm,
  wait: WaitForm,
  wait_event: WaitEventForm,
  goal: GoalForm,
  ab_test: AbTestForm,
};
