import { LOCALES } from '../../shared/schemas';
import { useLocale, useT } from '../i18n/localeStore';

export function LanguageSwitch({ onDark }: { onDark?: boolean }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <div className={`lang${onDark ? ' lang--dark' : ''}`} role="group" aria-label={t('locale.label')} data-testid="language-switch">
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="lang-option"
          aria-pressed={l === locale}
          title={t(`locale.${l}`)}
          onClick={() => setLocale(l)}
        >
          {t(`locale.${l}.short`)}
        </button>
      ))}
    </div>
  );
}
