/** The board's own settings, kept in the hall screen's browser: what is said when a number is called. */
import { DEFAULT_TEMPLATES, type Templates } from './announce';

const STORAGE_KEY = 'azho.board.templates';

export function loadTemplates(): Templates {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Templates> | null;
    return {
      kk: typeof saved?.kk === 'string' && saved.kk.trim() ? saved.kk : DEFAULT_TEMPLATES.kk,
      ru: typeof saved?.ru === 'string' && saved.ru.trim() ? saved.ru : DEFAULT_TEMPLATES.ru,
    };
  } catch {
    return DEFAULT_TEMPLATES;
  }
}

export function saveTemplates(templates: Templates): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(templates));
  } catch {
    // A profile without storage still announces; it just forgets the wording on restart.
  }
}
