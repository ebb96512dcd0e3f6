/** The case at a glance: its number and dates, who applied, and the documents given to the applicant. */
import { DOCUMENT_KINDS, type CaseView, type DocumentKind } from '../../shared/cases';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { formatIsoDate, formatMoment } from '../ui/format';
import { useCases } from './casesStore';
import { StatusBadge } from './StatusBadge';

export function CaseFacts({ view }: { view: CaseView }) {
  const t = useT();
  const openDocument = useCases((s) => s.openDocument);
  const rep = view.representative;
  const documents = view.documents.filter((d): d is { kind: DocumentKind; createdAt: string } => (DOCUMENT_KINDS as readonly string[]).includes(d.kind));
  return (
    <section className="card case-facts" aria-labelledby="case-facts-title" data-testid="case-facts">
      <h2 className="section-title" id="case-facts-title">
        {t('case.facts')}
      </h2>
      <dl className="facts facts--compact">
        <dt>{t('case.number')}</dt>
        <dd className="mono" data-testid="case-number">
          {view.number}
        </dd>
        <dt>{t('case.status')}</dt>
        <dd>
          <StatusBadge status={view.status} />
        </dd>
        <dt>{t('case.opened')}</dt>
        <dd>{formatMoment(t, view.createdAt)}</dd>
        <dt>{t('case.documentLocale')}</dt>
        <dd>{t(`documentLocale.${view.documentLocale}`)}</dd>
        <dt>{t('case.expectedResultDate')}</dt>
        <dd data-testid="expected-date">{view.expectedResultDate ? formatIsoDate(t, view.expectedResultDate) : <span className="muted">{t('case.notYet')}</span>}</dd>
        <dt>{t('case.registrationNumber')}</dt>
        <dd>{view.registrationNumber ? <span className="mono">{view.registrationNumber}</span> : <span className="muted">{t('case.notYet')}</span>}</dd>
        {view.applicant && (
          <>
            <dt>{t('case.applicant')}</dt>
            <dd>
              {view.applicant.fullName && <span className="block">{view.applicant.fullName}</span>}
              <span className="mono">{view.applicant.iin}</span>
            </dd>
          </>
        )}
        {rep && (
          <>
            <dt>{t('case.representative')}</dt>
            <dd data-testid="case-representative">
              <span className="block">{rep.fullName}</span>
              <span className="mono block">{rep.iin}</span>
              <span className="block muted">
                {t('case.poa', { number: rep.powerOfAttorney.number, date: formatIsoDate(t, rep.powerOfAttorney.date) })}
                {rep.powerOfAttorney.notary && `, ${rep.powerOfAttorney.notary}`}
                {rep.powerOfAttorney.certifiedBy && `, ${rep.powerOfAttorney.certifiedBy}`}
              </span>
            </dd>
          </>
        )}
      </dl>
      {documents.length > 0 && (
        <>
          <h3 className="subsection-title">{t('case.documents')}</h3>
          <ul className="doc-links" data-testid="case-documents">
            {documents.map((d) => (
              <li key={d.kind}>
                <span className="doc-link-name">
                  {t(`document.${d.kind}`)}
                  <span className="muted small"> · {formatMoment(t, d.createdAt)}</span>
                </span>
                <Button variant="quiet" onClick={() => openDocument(view.id, d.kind)} aria-label={t('document.openNamed', { name: t(`document.${d.kind}`) })}>
                  {t('action.open')}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
