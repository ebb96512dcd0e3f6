/** The left column of the workstation's sections. */
import { useT } from '../i18n/localeStore';
import type { Section } from './navStore';

interface NavProps {
  sections: Section[];
  current: Section;
  onGo(section: Section): void;
}

export function Nav({ sections, current, onGo }: NavProps) {
  const t = useT();
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <ul className="nav-list">
        {sections.map((section) => (
          <li key={section}>
            <button
              type="button"
              className="nav-item"
              aria-current={section === current ? 'page' : undefined}
              onClick={() => onGo(section)}
            >
              {t(`nav.${section}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
