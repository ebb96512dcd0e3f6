/**
 * The report as a file, in the language the supervisor reads the screen in: CSV (Excel-ready),
 * XLSX, PDF — and the PDF printed.
 */
import { useState } from 'react';
import type { ExportFormat } from '../../shared/reports/report';
import { invoke } from '../client/client';
import { toProblem, type Problem } from '../client/problem';
import { describeProblem } from '../i18n/describeProblem';
import { useLocale, useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { queryOf, useReports } from './reportsStore';
import { printCall, saveFile } from './saveFile';

type Action = ExportFormat | 'print';

export function ExportActions({ disabled }: { disabled: boolean }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [busy, setBusy] = useState<Action | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function run(action: Action) {
    setBusy(action);
    setProblem(null);
    setSaved(null);
    try {
      const { span, filters } = useReports.getState();
      const query = queryOf(span, filters);
      if (action === 'print') {
        await printCall('reports.export', { query, format: 'pdf', locale }, 'open');
      } else {
        const file = await invoke('reports.export', { query, format: action, locale });
        saveFile(file);
        setSaved(file.filename);
      }
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="report-export" role="group" aria-label={t('reports.export.label')} data-testid="report-export">
      <span className="report-export-label">{t('reports.export.label')}</span>
      {(['csv', 'xlsx', 'pdf'] as const).map((format) => (
        <Button key={format} busy={busy === format} disabled={disabled || (busy !== null && busy !== format)} onClick={() => void run(format)} data-export={format}>
          {t(`reports.export.${format}`)}
        </Button>
      ))}
      <Button variant="primary" busy={busy === 'print'} disabled={disabled || (busy !== null && busy !== 'print')} onClick={() => void run('print')} data-export="print">
        {t('reports.export.print')}
      </Button>
      {problem && <Notice tone="error">{describeProblem(t, problem).summary}</Notice>}
      {saved && (
        <p className="report-export-saved" role="status" data-testid="export-saved">
          {t('reports.export.saved', { filename: saved })}
        </p>
      )}
    </div>
  );
}
