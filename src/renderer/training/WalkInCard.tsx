/** Who walks in: the applicant, a representative with the power of attorney, the papers, what they say. */
import type { WalkIn } from '../../shared/training/scenario';
import { useLocale, useT } from '../i18n/localeStore';

export function WalkInCard({ walkIn, compact = false }: { walkIn: WalkIn; compact?: boolean }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const rep = walkIn.representative;
  return (
    <div className={`walk-in${compact ? ' walk-in--compact' : ''}`} data-testid="walk-in">
      <dl className="facts facts--compact walk-in-facts">
        <dt>{t('training.walkIn.applicant')}</dt>
        <dd>
          {walkIn.fullName} <span className="mono muted">{walkIn.iin}</span>
        </dd>
        {rep && (
          <>
            <dt>{t('training.walkIn.representative')}</dt>
            <dd>
              {rep.fullName} <span className="mono muted">{rep.iin}</span>
              <span className="block small">{t('training.walkIn.powerOfAttorney', { number: rep.powerOfAttorney })}</span>
            </dd>
          </>
        )}
        {!compact && (
          <>
            <dt>{t('training.walkIn.brings')}</dt>
            <dd>
              {walkIn.brings.length ? (
                <ul className="walk-in-brings">
                  {walkIn.brings.map((doc, index) => (
                    <li key={index}>{doc[locale]}</li>
                  ))}
                </ul>
              ) : (
                <span className="muted">{t('training.walkIn.bringsNothing')}</span>
              )}
            </dd>
          </>
        )}
      </dl>
      {!compact && <blockquote className="walk-in-says">{walkIn.says[locale]}</blockquote>}
    </div>
  );
}
