/** What ЖТ МДҚ answered about the applicant, for the operator to confirm with the person at the counter. */
import type { CaseView } from '../../../shared/cases';
import { useT } from '../../i18n/localeStore';
import { formatIsoDate } from '../../ui/format';

export function ApplicantCard({ view }: { view: CaseView }) {
  const t = useT();
  const a = view.applicant;
  if (!a) return null;
  return (
    <section className={`applicant-card${a.deceased ? ' applicant-card--alert' : ''}`} aria-label={t('applicant.title')} data-testid="applicant-card">
      <p className="applicant-card-kicker">{t(a.fullName ? 'applicant.fromRegister' : 'applicant.notFromRegister')}</p>
      <p className="applicant-card-name">{a.fullName ?? '—'}</p>
      <dl className="facts facts--compact">
        <dt>{t('field.iin')}</dt>
        <dd className="mono">{a.iin}</dd>
        {a.birthDate && (
          <>
            <dt>{t('applicant.birthDate')}</dt>
            <dd>{formatIsoDate(t, a.birthDate)}</dd>
          </>
        )}
        {a.address && (
          <>
            <dt>{t('applicant.address')}</dt>
            <dd>{a.address}</dd>
          </>
        )}
      </dl>
      {a.deceased && (
        <p className="applicant-card-alert" role="alert">
          {t('applicant.deceased')}
        </p>
      )}
      {view.representative && (
        <p className="applicant-card-rep">
          {t('applicant.representedBy', { name: view.representative.fullName, number: view.representative.powerOfAttorney.number })}
        </p>
      )}
      {a.fullName && <p className="applicant-card-check">{t('applicant.confirm')}</p>}
    </section>
  );
}
