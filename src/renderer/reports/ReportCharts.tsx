/**
 * The report's charts, drawn as SVG by Recharts: no <style> element and no style attribute in an
 * HTML string (only React style props, which the CSP allows), so they draw under style-src 'self'
 * and offline. Each chart sits beside its table, which stays the accessible source of the figures;
 * the chart is a picture of it, described by its caption. Animations are off: a supervisor reads
 * figures, and a chart that moves after every filter is only slower to read.
 */
import type { ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DrillDown, Report } from '../../shared/reports/report';
import { useLocale, useT } from '../i18n/localeStore';
import { breachesByStep, reasonText, surveyShares, ticketsByDay, type Regulations } from './figures';

// The design tokens' blues, green, red and amber (styles/tokens.css): SVG attributes cannot read CSS variables.
const COLOR = { issued: '#0f4c81', served: '#1b6e3c', noShow: '#c9302c', poor: '#c9302c', partly: '#f5c342', good: '#1b6e3c', refusal: '#b3261e', breach: '#6b4a00' };
const AXIS = { fontSize: 13, fill: '#25303b' };

function ChartFrame({ title, testId, height, children }: { title: string; testId: string; height: number; children: ReactElement }) {
  return (
    <figure className="report-chart" data-testid={testId}>
      <figcaption className="report-chart-title">{title}</figcaption>
      <div className="report-chart-box" aria-hidden="true">
        <ResponsiveContainer width="100%" height={height}>
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Long axis labels (a refusal's reason) cut to what fits beside the bars; the table has them whole. */
function cut(text: string, max = 42): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

type OnDrill = (drill: DrillDown) => void;

export function TicketsByDayChart({ report }: { report: Report }) {
  const t = useT();
  const data = ticketsByDay(report);
  return (
    <ChartFrame title={t('reports.chart.ticketsByDay')} testId="chart-tickets" height={240}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={AXIS} interval="preserveStartEnd" />
        <YAxis allowDecimals={false} tick={AXIS} width={40} />
        <Tooltip />
        <Legend itemSorter={null} />
        <Bar dataKey="issued" name={t('reports.queue.issued')} fill={COLOR.issued} isAnimationActive={false} />
        <Bar dataKey="served" name={t('reports.queue.served')} fill={COLOR.served} isAnimationActive={false} />
        <Bar dataKey="noShow" name={t('reports.queue.noShow')} fill={COLOR.noShow} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}

/** A bar for each row of a table, its name beside it; a click on a bar opens its cases, as the figure in the table does. */
function DrillBars<Row extends object>(props: {
  title: string;
  testId: string;
  data: Row[];
  rowHeight: number;
  labelKey: string;
  labelWidth: number;
  labelText?: (label: string) => string;
  valueKey: string;
  name: string;
  fill: string;
  onBar: (row: Row) => void;
}) {
  const { data, onBar } = props;
  return (
    <ChartFrame title={props.title} testId={props.testId} height={48 + data.length * props.rowHeight}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={AXIS} />
        <YAxis type="category" dataKey={props.labelKey} width={props.labelWidth} tick={AXIS} tickFormatter={props.labelText} />
        <Tooltip />
        <Bar dataKey={props.valueKey} name={props.name} fill={props.fill} isAnimationActive={false} cursor="pointer" onClick={(entry: { payload?: Row }) => entry.payload && onBar(entry.payload)} />
      </BarChart>
    </ChartFrame>
  );
}

export function RefusalsChart({ report, onDrill }: { report: Report; onDrill: OnDrill }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const data = report.refusals.byReason.map((r) => ({ reason: reasonText(r.reason, locale), key: r.reason.kk, count: r.count }));
  return (
    <DrillBars
      title={t('reports.chart.refusalsByReason')}
      testId="chart-refusals"
      data={data}
      rowHeight={40}
      labelKey="reason"
      labelWidth={300}
      labelText={(value) => cut(value)}
      valueKey="count"
      name={t('reports.count')}
      fill={COLOR.refusal}
      onBar={(row) => onDrill({ figure: 'refusalReason', reason: row.key })}
    />
  );
}

export function SurveyChart({ report }: { report: Report }) {
  const t = useT();
  const data = surveyShares(report, t);
  return (
    <ChartFrame title={t('reports.chart.surveyShares')} testId="chart-survey" height={72 + data.length * 48}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
        <XAxis type="number" domain={[0, 100]} unit="%" tick={AXIS} />
        <YAxis type="category" dataKey="question" width={240} tick={AXIS} />
        <Tooltip formatter={(value) => `${String(value)} %`} />
        <Legend itemSorter={null} />
        <Bar dataKey="a1" stackId="answers" name={t('survey.answer.1')} fill={COLOR.poor} isAnimationActive={false} />
        <Bar dataKey="a2" stackId="answers" name={t('survey.answer.2')} fill={COLOR.partly} isAnimationActive={false} />
        <Bar dataKey="a3" stackId="answers" name={t('survey.answer.3')} fill={COLOR.good} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}

export function BreachesChart({ report, regulations, onDrill }: { report: Report; regulations: Regulations; onDrill: OnDrill }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const data = breachesByStep(report, t, locale, regulations);
  return (
    <DrillBars
      title={t('reports.chart.breachesByStep')}
      testId="chart-breaches"
      data={data}
      rowHeight={36}
      labelKey="label"
      labelWidth={160}
      valueKey="breaches"
      name={t('reports.norms.breaches')}
      fill={COLOR.breach}
      onBar={(row) => onDrill({ figure: 'breach', regulationId: row.regulationId, step: row.step })}
    />
  );
}
