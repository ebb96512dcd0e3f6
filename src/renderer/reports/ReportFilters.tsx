/** Narrowing a report to one queue group, one service (from the catalogue) or one operator. */
import { useLocale, useT } from '../i18n/localeStore';
import { SelectField } from '../ui/SelectField';
import { actTitle } from './figures';
import { operatorText } from './OperatorName';
import { useReports } from './reportsStore';

export function ReportFilters() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { filters, groups, operators, operatorNames, report, regulations, setFilters } = useReports();
  const all = { value: '', label: t('reports.filter.all') };

  const services = new Map<string, string>();
  for (const g of groups) for (const s of g.services) services.set(s.regulationId, `${g.group} · ${s.title[locale]}`);
  // An act the kiosk no longer offers may still have cases in the period.
  for (const s of report?.byService ?? []) if (!services.has(s.regulationId)) services.set(s.regulationId, actTitle(regulations, s.regulationId, locale));
  const letters = [...new Set([...groups.map((g) => g.group), ...(report?.queue.byGroup ?? []).map((g) => g.group)])].sort();

  return (
    <div className="report-filters" data-testid="report-filters">
      <SelectField
        name="group"
        label={t('reports.filter.group')}
        value={filters.group ?? ''}
        options={[all, ...letters.map((g) => ({ value: g, label: t('reports.filter.groupOption', { group: g }) }))]}
        onChange={(e) => setFilters({ group: e.target.value || undefined })}
      />
      <SelectField
        name="regulationId"
        label={t('reports.filter.service')}
        value={filters.regulationId ?? ''}
        options={[all, ...[...services].map(([value, label]) => ({ value, label }))]}
        onChange={(e) => setFilters({ regulationId: e.target.value || undefined })}
      />
      <SelectField
        name="operator"
        label={t('reports.filter.operator')}
        value={filters.operator ?? ''}
        options={[all, ...operators.map((o) => ({ value: o, label: operatorText(operatorNames, o) }))]}
        onChange={(e) => setFilters({ operator: e.target.value || undefined })}
      />
    </div>
  );
}
