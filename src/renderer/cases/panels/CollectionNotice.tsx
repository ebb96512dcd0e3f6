/** A refusal produced after the applicant left: print it when they come back, and record that they took it. */
import { useT } from '../../i18n/localeStore';
import { Button } from '../../ui/Button';
import { useCases } from '../casesStore';

export function CollectionNotice() {
  const t = useT();
  const { handOverRefusal, busy } = useCases();
  return (
    <div className="notice notice--warning" role="status" data-testid="awaiting-collection">
      <p className="strong">{t('collection.title')}</p>
      <p>{t('collection.lead')}</p>
      <div className="outcome-actions">
        <Button variant="primary" busy={busy} onClick={() => void handOverRefusal()} data-testid="hand-over-refusal">
          {t('collection.handedOver')}
        </Button>
      </div>
    </div>
  );
}
