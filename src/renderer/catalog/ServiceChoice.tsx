/**
 * Process 2 begins here: the operator chooses the service. A few letters find it; the arrows
 * move, Enter opens it. Acts the counter cannot open stay in the list with what to tell the
 * applicant, and the language of the applicant's documents is chosen before the case starts.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { CatalogEntry, DocumentLocale } from '../../shared/cases';
import { DocumentLocale as DocumentLocales } from '../../shared/cases';
import type { Problem } from '../client/problem';
import { useCases } from '../cases/casesStore';
import { describeProblem } from '../i18n/describeProblem';
import { useLocale, useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { formatIsoDate } from '../ui/format';
import { Notice } from '../ui/Notice';
import { PageHeader } from '../ui/PageHeader';
import { availabilitySentences, isHistoricalEntry } from './availability';
import { useCatalog } from './catalogStore';

const SEARCH_DELAY_MS = 120;

function AvailabilityBadge({ entry }: { entry: CatalogEntry }) {
  const t = useT();
  if (isHistoricalEntry(entry)) return <span className="badge badge--history">{t('catalog.badge.historical')}</span>;
  const tone = entry.availability === 'available' ? 'ok' : entry.availability === 'noStateCorporationChannel' ? 'warn' : 'muted';
  return <span className={`badge badge--${tone}`}>{t(`catalog.badge.${entry.availability}`)}</span>;
}

function ServiceOption({ entry, id, selected, onPick, onHover }: { entry: CatalogEntry; id: string; selected: boolean; onPick(): void; onHover(): void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const say = availabilitySentences(t, entry);
  const historical = isHistoricalEntry(entry);
  return (
    <li
      id={id}
      role="option"
      aria-selected={selected}
      aria-disabled={!entry.openable || undefined}
      className={`service${entry.openable ? '' : ' service--closed'}${historical ? ' service--historical' : ''}`}
      data-regulation={entry.regulationId}
      onClick={onPick}
      onMouseMove={onHover}
    >
      <div className="service-main">
        <span className="service-title">{entry.title[locale]}</span>
        {locale !== 'kk' && (
          <span className="service-title-kk" lang="kk">
            {entry.title.kk}
          </span>
        )}
        <span className="service-act">
          {t('catalog.act', { authority: entry.act.authority[locale], number: entry.act.number, date: formatIsoDate(t, entry.act.date) })}
          <span className="service-dot" aria-hidden="true">
            ·
          </span>
          {t(`region.${entry.region}`)}
        </span>
        {say.length > 0 && (
          <div className="service-say">
            {say.map((sentence) => (
              <p key={sentence}>{sentence}</p>
            ))}
          </div>
        )}
        {historical && <p className="service-history">{t('catalog.say.historical')}</p>}
      </div>
      <div className="service-side">
        <AvailabilityBadge entry={entry} />
        {selected && entry.openable && <kbd className="service-enter">Enter</kbd>}
      </div>
    </li>
  );
}

export function ServiceChoice() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { query, entries, problems, highlighted, documentLocale, loading, problem, setQuery, search, move, highlight, setDocumentLocale, reset } = useCatalog();
  const { start, cancelChoose, busy } = useCases();
  const [startProblem, setStartProblem] = useState<Problem | null>(null);
  const listId = useId();
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    reset(locale === 'ru' ? 'ru' : 'kk');
    // The language of the documents is the applicant's; it starts as the operator's own.
  }, [reset]);

  useEffect(() => {
    const timer = window.setTimeout(() => void search(query), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [query, search]);

  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [highlighted, entries]);

  // Esc goes back from anywhere on the screen; in the search box it first clears the search.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.target === input.current || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      cancelChoose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [cancelChoose]);

  async function open(entry: CatalogEntry | undefined) {
    if (!entry?.openable || busy) return;
    setStartProblem(await start(entry.regulationId, documentLocale));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void open(entries?.[highlighted]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (query) setQuery('');
      else cancelChoose();
    }
  }

  const selected = entries?.[highlighted];
  return (
    <section className="service-choice" data-testid="service-choice">
      <PageHeader
        title={t('choose.title')}
        lead={t('choose.lead')}
        actions={
          <Button onClick={cancelChoose} shortcut="Esc">
            {t('action.back')}
          </Button>
        }
      />
      <div className="choose-bar">
        <div className="field choose-search">
          <label className="field-label" htmlFor={inputId}>
            {t('choose.search')}
          </label>
          <input
            ref={input}
            id={inputId}
            className="input input--search"
            type="search"
            role="combobox"
            aria-expanded={Boolean(entries?.length)}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={selected ? `${listId}-${highlighted}` : undefined}
            aria-describedby={hintId}
            autoComplete="off"
            spellCheck={false}
            autoFocus
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onKeyDown}
          />
          <p className="field-hint" id={hintId}>
            {t('choose.hint')}
          </p>
        </div>
        <fieldset className="segmented-field">
          <legend className="field-label">{t('choose.documentLocale')}</legend>
          <div className="segmented">
            {DocumentLocales.options.map((option: DocumentLocale) => (
              <label key={option} className="segmented-option">
                <input
                  type="radio"
                  name="documentLocale"
                  value={option}
                  checked={documentLocale === option}
                  onChange={() => setDocumentLocale(option)}
                />
                <span lang={option}>{t(`documentLocale.${option}`)}</span>
              </label>
            ))}
          </div>
          <p className="field-hint">{t('choose.documentLocaleHint')}</p>
        </fieldset>
      </div>
      {startProblem && <Notice tone="error">{describeProblem(t, startProblem).summary}</Notice>}
      {problem && <Notice tone="error">{describeProblem(t, problem).summary}</Notice>}
      <ul ref={list} id={listId} role="listbox" aria-label={t('choose.results')} className="service-list" data-testid="service-list" aria-busy={loading || undefined}>
        {entries?.map((entry, index) => (
          <ServiceOption
            key={entry.regulationId}
            id={`${listId}-${index}`}
            entry={entry}
            selected={index === highlighted}
            onHover={() => index !== highlighted && highlight(index)}
            onPick={() => {
              highlight(index);
              void open(entry);
              input.current?.focus();
            }}
          />
        ))}
      </ul>
      {entries && entries.length === 0 && <p className="muted">{t('choose.nothing', { query })}</p>}
      {problems.length > 0 && (
        <div className="regulation-problems" data-testid="regulation-problems">
          <p className="regulation-problems-title">{t('catalog.problems.title')}</p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.file}/${p.field}`}>
                {p.field ? t('catalog.problems.field', { file: p.file, field: p.field }) : t('catalog.problems.file', { file: p.file })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
