import { formatMoney } from "@/lib/money";
import type {
  GroupFigures,
  PathFigures,
  ScenarioReport,
  VariantFigures,
} from "@/lib/scenarios/conversions/get-scenario-report";
import type { Uplift } from "@/lib/scenarios/conversions/report-statistics";
import {
  type ColumnBreakpoint,
  Folded,
  Table,
  TBody,
  Td,
  Th,
  THead,
  Tr,
} from "@/components/ui/table";

/** The scenario report's tables: treated against holdout, A/B variants, and conversions along the path. */

const count = new Intl.NumberFormat("en-US");
const percent = (rate: number | null) =>
  rate === null ? "—" : `${(rate * 100).toLocaleString("en-US", { maximumFractionDigits: 1 })}%`;
const points = (value: number) =>
  `${value >= 0 ? "+" : "−"}${Math.abs(value * 100).toLocaleString("en-US", { maximumFractionDigits: 1, minimumFractionDigits: 1 })} pp`;
const money = (cents: number | null) => (cents === null ? "—" : formatMoney(Math.round(cents)));

/** "+2.0 pp (95 % CI −0.7 to +4.7 pp)", or a dash when a group is empty. */
export function formatUplift(uplift: Uplift | null): string {
  if (uplift === null) return "—";
  return `${points(uplift.difference)} (95 % CI ${points(uplift.low)} to ${points(uplift.high)})`;
}

export function formatPValue(p: number | null): string {
  if (p === null) return "—";
  return p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(3)}`;
}

/** Whether the interval excludes zero: the difference is significant at 95 %. */
const significant = (uplift: Uplift | null) =>
  uplift !== null && (uplift.low > 0 || uplift.high < 0);

function GroupRow({
  label,
  group,
  testId,
}: {
  label: string;
  group: GroupFigures;
  testId: string;
}) {
  return (
    <Tr data-testid={testId}>
      <Td className="font-medium text-zinc-900">
        {label}
        <Folded below="sm">
          {count.format(group.converted)} of {count.format(group.entered)} converted ·{" "}
          {money(group.revenuePerUserCents)} per user
        </Folded>
      </Td>
      <Td hideBelow="sm" className="text-right tabular-nums" data-testid={`${testId}-entered`}>
        {count.format(group.entered)}
      </Td>
      <Td hideBelow="sm" className="text-right tabular-nums" data-testid={`${testId}-converted`}>
        {count.format(group.converted)}
      </Td>
      <Td className="text-right whitespace-nowrap tabular-nums" data-testid={`${testId}-rate`}>
        {percent(group.rate)}
      </Td>
      <Td hideBelow="sm" className="text-right tabular-nums">
        {money(group.revenuePerUserCents)}
      </Td>
    </Tr>
  );
}

/** The headings both comparison tables share: what the row is, entered, converted, rate, revenue per user. */
function FigureHeadings({
  label,
  revenueHideBelow,
}: {
  label: string;
  revenueHideBelow: ColumnBreakpoint;
}) {
  return (
    <>
      <Th>{label}</Th>
      <Th hideBelow="sm" className="text-right">
        Entered
      </Th>
      <Th hideBelow="sm" className="text-right">
        Converted
      </Th>
      <Th className="text-right">Rate</Th>
      <Th hideBelow={revenueHideBelow} className="text-right">
        Revenue / user
      </Th>
    </>
  );
}

export function HoldoutComparison({ report }: { report: ScenarioReport }) {
  return (
    <>
      <Table data-testid="report-groups">
        <THead>
          <Tr>
            <FigureHeadings label="Group" revenueHideBelow="sm" />
          </Tr>
        </THead>
        <TBody>
          <GroupRow label="Scenario" group={report.treated} testId="report-treated" />
          <GroupRow
            label={`Holdout (${report.holdoutPercent} %)`}
            group={report.holdout}
            testId="report-holdout"
          />
        </TBody>
      </Table>
      <p className="px-5 py-3 text-sm text-zinc-700" data-testid="report-uplift">
        <span className="font-medium text-zinc-900">Uplift over holdout: </span>
        {formatUplift(report.uplift)}
        {report.uplift === null ? (
          <span className="text-zinc-500">
            {" "}
            {report.holdoutPercent === 0
              ? "— set a holdout share to measure it."
              : "— needs entries in both groups."}
          </span>
        ) : significant(report.uplift) ? (
          <span className="text-emerald-700"> · significant at 95 %</span>
        ) : (
          <span className="text-zinc-500"> · not significant at 95 %</span>
        )}
      </p>
    </>
  );
}

export function VariantTable({ variants }: { variants: VariantFigures[] }) {
  return (
    <Table data-testid="report-variants">
      <THead>
        <Tr>
          <FigureHeadings label="Variant" revenueHideBelow="md" />
          <Th hideBelow="lg">Against holdout</Th>
          <Th hideBelow="sm">Against first variant</Th>
        </Tr>
      </THead>
      <TBody>
        {variants.map((v) => (
          <Tr key={`${v.nodeId}:${v.variant}`} data-testid={`report-variant-${v.variant}`}>
            <Td>
              <div className="font-medium text-zinc-900">
                {v.variantName} <span className="font-normal text-zinc-500">({v.variant})</span>
              </div>
              <div className="text-xs text-zinc-500">{v.nodeTitle}</div>
              <Folded below="sm">
                {count.format(v.converted)} of {count.format(v.entered)} converted
              </Folded>
              <Folded below="sm" label="vs first:">
                {v.baseline === null
                  ? "baseline"
                  : `${formatUplift(v.upliftOverBaseline)}, ${formatPValue(v.pValue)}`}
              </Folded>
            </Td>
            <Td hideBelow="sm" className="text-right tabular-nums">
              {count.format(v.entered)}
            </Td>
            <Td hideBelow="sm" className="text-right tabular-nums">
              {count.format(v.converted)}
            </Td>
            <Td className="text-right whitespace-nowrap tabular-nums">{percent(v.rate)}</Td>
            <Td hideBelow="md" className="text-right tabular-nums">
              {money(v.revenuePerUserCents)}
            </Td>
            <Td hideBelow="lg" className="text-sm">
              {formatUplift(v.upliftOverHoldout)}
            </Td>
            <Td hideBelow="sm" className="text-sm" data-testid={`report-variant-${v.variant}-p`}>
              {v.baseline === null ? (
                <span className="text-zinc-500">Baseline</span>
              ) : (
                <>
                  {formatUplift(v.upliftOverBaseline)}
                  <div className="text-xs text-zinc-500">
                    {formatPValue(v.pValue)}
                    {v.pValue !== null && v.pValue < 0.05 ? " · significant" : ""}
                  </div>
                </>
              )}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

export function PathTable({
  rows,
  label,
  titles,
  testId,
}: {
  rows: PathFigures[];
  label: string;
  titles: Record<string, string>;
  testId: string;
}) {
  return (
    <Table data-testid={testId}>
      <THead>
        <Tr>
          <Th>{label}</Th>
          <Th className="text-right">Converted runs</Th>
          <Th hideBelow="sm" className="text-right">
            Revenue
          </Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={row.id}>
            <Td>
              <div className="text-zinc-900">{titles[row.id] ?? row.id}</div>
              <div className="text-xs text-zinc-500">{row.id}</div>
              <Folded below="sm" label="Revenue">
                {money(row.revenueCents)}
              </Folded>
            </Td>
            <Td className="text-right tabular-nums">{count.format(row.converted)}</Td>
            <Td hideBelow="sm" className="text-right tabular-nums">
              {money(row.revenueCents)}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
