/** The last process: the applicant receives the result through the operator, against a signature. */
import type { FormEvent } from 'react';
import type { CaseView } from '../../../shared/cases';
import type { Regulation } from '../../../shared/regulation';
import { useLocale, useT } from '../../i18n/localeStore';
import { Button } from '../../ui/Button';
import { formatIsoDate } from '../../ui/format';
import { useCases } from '../casesStore';
import { ApplicantCard } from './ApplicantCard';

export function IssuePanel({ regulation, view }: { regulation: Regulation; view: CaseView }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { issue, busy } = useCases();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await issue();
  }

  return (
    <form className="panel-form" onSubmit={submit} data-testid="issue-form">
      <div className="notice notice--success" role="status">
        <p className="strong">{t('issue.ready')}</p>
        <p>{regulation.result[locale]}</p>
      </div>
      <dl className="facts">
        <dt>{t('case.registrationNumber')}</dt>
        <dd className="mono">{view.registrationNumber ?? '—'}</dd>
        {view.expectedResultDate && (
          <>
            <dt>{t('case.expectedResultDate')}</dt>
            <dd>{formatIsoDate(t, view.expectedResultDate)}</dd>
          </>
        )}
      </dl>
      <ApplicantCard view={view} />
      <p className="panel-note">{t('issue.lead')}</p>
      <div className="form-actions">
        <Button type="submit" variant="primary" shortcut="Enter" busy={busy} autoFocus data-testid="issue">
          {t('issue.submit')}
        </Button>
      </div>
    </form>
  );
}
