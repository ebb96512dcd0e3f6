/** The frame of every screen before the workstation opens: brand, language, one card. */
import type { ReactNode } from 'react';
import { useStatus } from '../app/statusStore';
import { useT } from '../i18n/localeStore';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';

export function PublicLayout({ children, wide, testId }: { children: ReactNode; wide?: boolean; testId: string }) {
  const t = useT();
  const version = useStatus((s) => s.status?.version);
  return (
    <div className="public" data-testid={testId}>
      <header className="public-header">
        <Brand />
        <LanguageSwitch />
      </header>
      <main className="public-main">
        <div className={`card${wide ? ' card--wide' : ''}`}>{children}</div>
      </main>
      <footer className="public-footer">
        <span>{t('app.corporation')}</span>
        {version && <span>{t('app.version', { version })}</span>}
      </footer>
    </div>
  );
}
