import { useT } from '../i18n/localeStore';
import { WorkstationGlyph } from './icons';

export function Brand({ compact }: { compact?: boolean }) {
  const t = useT();
  return (
    <div className={`brand${compact ? ' brand--compact' : ''}`}>
      <span className="brand-mark" aria-hidden="true">
        <WorkstationGlyph />
      </span>
      <span className="brand-text">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-title">{t('app.title')}</span>
      </span>
    </div>
  );
}
