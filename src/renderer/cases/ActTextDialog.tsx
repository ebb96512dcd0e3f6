/**
 * The act's own words for a step, one keystroke from the case (F1 or ?): the Kazakh text as the
 * act gives it, the working translation, and where it stands in the act.
 */
import type { Channel, Regulation, Step } from '../../shared/regulation';
import { useLocale, useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { formatIsoDate } from '../ui/format';
import { actorName, formatNorm, stepLabel } from './steps';

export function ActTextDialog({ regulation, channel, step, onClose }: { regulation: Regulation; channel: Channel; step: Step; onClose(): void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const act = regulation.act;
  return (
    <Dialog title={t('act.title', { step: stepLabel(t, step) })} onClose={onClose} wide>
      <div className="act-text" data-testid="act-text">
        <figure className="act-quote">
          <figcaption className="act-quote-caption">{t('act.original')}</figcaption>
          <blockquote lang="kk" data-testid="act-text-kk">
            {step.title.kk}
          </blockquote>
        </figure>
        {locale !== 'kk' && (
          <figure className="act-quote act-quote--translation">
            <figcaption className="act-quote-caption">{t('act.translation')}</figcaption>
            <blockquote>{step.title[locale]}</blockquote>
          </figure>
        )}
        <dl className="facts act-facts">
          <dt>{t('act.actor')}</dt>
          <dd>{actorName(t, step, channel)}</dd>
          <dt>{t('act.norm')}</dt>
          <dd>{formatNorm(t, locale, step.norm)}</dd>
          <dt>{t('act.citation')}</dt>
          <dd>
            {t('act.citationValue', { item: step.citation.item })} · <span className="mono">{step.citation.seed}</span>
          </dd>
          <dt>{t('act.act')}</dt>
          <dd>{t('catalog.act', { authority: act.authority[locale], number: act.number, date: formatIsoDate(t, act.date) })}</dd>
          {act.amends && (
            <>
              <dt>{t('act.amends')}</dt>
              <dd>{t('catalog.act', { authority: act.amends.authority[locale], number: act.amends.number, date: formatIsoDate(t, act.amends.date) })}</dd>
            </>
          )}
          <dt>{t('act.inForce')}</dt>
          <dd>
            {regulation.inForce.to
              ? t('act.inForceUntil', { from: formatIsoDate(t, regulation.inForce.from), to: formatIsoDate(t, regulation.inForce.to) })
              : t('act.inForceFrom', { from: formatIsoDate(t, regulation.inForce.from) })}
            {regulation.inForce.repealedBy &&
              ` ${t('act.repealedBy', { number: regulation.inForce.repealedBy.number, date: formatIsoDate(t, regulation.inForce.repealedBy.date) })}`}
          </dd>
        </dl>
      </div>
      <div className="dialog-actions">
        <Button onClick={onClose} shortcut="Esc" variant="primary">
          {t('action.close')}
        </Button>
      </div>
    </Dialog>
  );
}
