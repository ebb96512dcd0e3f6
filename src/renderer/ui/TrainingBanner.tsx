import { useT } from '../i18n/localeStore';

export function TrainingBanner() {
  const t = useT();
  return (
    <div className="training-banner" role="status" data-testid="training-banner">
      {t('training.banner')}
    </div>
  );
}
