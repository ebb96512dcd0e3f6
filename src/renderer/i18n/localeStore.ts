/** The interface language: switchable on every screen, remembered on this computer. */
import { useCallback } from 'react';
import { create } from 'zustand';
import { LOCALES, type Locale } from '../../shared/schemas';
import { translate, type MessageKey, type Params } from './catalog';

const STORAGE_KEY = 'azho.locale';

function remembered(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : 'kk';
  } catch {
    return 'kk';
  }
}

function apply(locale: Locale): void {
  document.documentElement.lang = locale;
  document.title = translate(locale, 'app.name');
}

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

export const useLocale = create<LocaleState>()((set) => ({
  locale: remembered(),
  setLocale(locale) {
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // A profile without storage still switches; it just forgets the choice on restart.
    }
    apply(locale);
    set({ locale });
  },
}));

apply(useLocale.getState().locale);

export type Translate = (key: MessageKey, params?: Params) => string;

/** `t` for the current language; components re-render when the language changes. */
export function useT(): Translate {
  const locale = useLocale((s) => s.locale);
  return useCallback((key, params) => translate(locale, key, params), [locale]);
}
