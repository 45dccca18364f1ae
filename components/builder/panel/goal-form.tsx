"use client";

import { Checkbox } from "@/components/ui/input";
import { CreateLink, CREATE_ROUTES } from "./create-link";
import { DurationField } from "./duration-field";
import type { NodeFormProps } from "./form-props";
import { goalChecksMessage } from "./goal-checks";

const WEEK = 7 * 1440;

/** The goals a user must complete, how often to look, and how long to wait before taking "no". */
export function GoalForm({ config, options, issues, onChange }: NodeFormProps<"goal">) {
  const chosen = new Set(config.goals);
  const known = new Set(options.goals.map((g) => g.code));
  const missing = config.goals.filter((code) => !known.has(code));
  const goalsIssue =
    issues.at("goals")[0] ?? config.goals.map((_, i) => issues.at(`goals.${i}`)[0]).find(Boolean);
  const toggle = (code: string, on: boolean) =>
    onChange({
      ...config,
      goals: on
        ? [...config.goals.filter((c) => c !== code), code]
        : config.goals.filter((c) => c !== code),
    });
  const checksMessage = goalChecksMessage(config.recheckMinutes, config.timeoutMinutes);
  return (
    <div className="space-y-3">
      <div
        role="group"
        aria-labelledby="panel-goals-label"
        aria-describedby={goalsIssue ? "panel-goals-message" : undefined}
        className="space-y-1.5"
      >
        <div className="flex items-baseline justify-between gap-2">
          <p id="panel-goals-label" className="text-sm font-medium text-zinc-800">
            Goals (all must be completed)
          </p>
          <CreateLink href={CREATE_ROUTES.goal} testId="panel-goals-create">
            New goal
          </CreateLink>
        </div>
        {options.goals.length === 0 ? (
          <p
            className="rounded-md border border-dashed border-zinc-300 px-3 py-2 text-sm text-zinc-500"
            data-testid="panel-goals-empty"
          >
            No goals yet.
          </p>
        ) : (
          <div className="max-h-48 space-y-1.5 overflow-y-auto rounded-md border border-zinc-200 p-2">
            {options.goals.map((goal) => (
              <Checkbox
                key={goal.code}
                data-testid={`panel-goal-${goal.code}`}
                label={goal.name}
                description={goal.code}
                checked={chosen.has(goal.code)}
                onChange={(event) => toggle(goal.code, event.target.checked)}
              />
            ))}
          </div>
        )}
        {missing.map((code) => (
          <Checkbox
            key={code}
            data-testid={`panel-goal-${code}`}
            label={`${code} (not found)`}
            checked
            onChange={() => toggle(code, false)}
          />
        ))}
        {goalsIssue ? (
          <p
            id="panel-goals-message"
            className="text-xs text-red-600"
            data-testid="error-panel-goals"
          >
            {goalsIssue}
          </p>
        ) : null}
      </div>
      <DurationField
        id="panel-goal-recheck"
        label="Check every"
        minutes={config.recheckMinutes}
        issue={issues.at("recheckMinutes")[0]}
        onChange={(recheckMinutes) =>
          onChange({ ...config, recheckMinutes: recheckMinutes ?? config.recheckMinutes })
        }
      />
      <DurationField
        id="panel-goal-timeout"
        label="Give up after"
        minutes={config.timeoutMinutes}
        issue={issues.at("timeoutMinutes")[0]}
        none={{ label: "No timeout (wait until completed)", fallback: WEEK }}
        hint={
          config.timeoutMinutes === null
            ? "The run waits on this node until the goals are completed."
            : "Then the run takes “no”."
        }
        onChange={(timeoutMinutes) => onChange({ ...config, timeoutMinutes })}
      />
      {checksMessage ? (
        <p className="text-xs text-red-600" data-testid="error-panel-goal-checks">
          {checksMessage}
        </p>
      ) : null}
    </div>
  );
}
