/** The act's list of documents (Standard item 9) as ticks; the optional ones say so. */
import type { Regulation } from '../../../shared/regulation';
import { useLocale, useT } from '../../i18n/localeStore';
import { Button } from '../../ui/Button';

interface DocumentChecklistProps {
  regulation: Regulation;
  taken: ReadonlySet<string>;
  onChange(taken: Set<string>): void;
  error?: string | undefined;
  autoFocus?: boolean;
}

export function missingDocuments(regulation: Regulation, taken: ReadonlySet<string>) {
  return regulation.requiredDocuments.filter((d) => !d.optional && !taken.has(d.id));
}

export function DocumentChecklist({ regulation, taken, onChange, error, autoFocus }: DocumentChecklistProps) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const documents = regulation.requiredDocuments;
  const required = documents.filter((d) => !d.optional);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(taken);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  return (
    <fieldset className={`checklist${error ? ' checklist--invalid' : ''}`} data-testid="document-checklist">
      <legend className="field-label">{t('documents.legend')}</legend>
      <ul className="checklist-items">
        {documents.map((d, index) => (
          <li key={d.id}>
            <label className="check">
              <input
                type="checkbox"
                name={d.id}
                checked={taken.has(d.id)}
                autoFocus={autoFocus && index === 0}
                onChange={(event) => toggle(d.id, event.target.checked)}
              />
              <span className="check-text">
                {d.title[locale]}
                {d.optional && <span className="tag tag--muted">{t('documents.optional')}</span>}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <div className="checklist-tools">
        <span className="checklist-count" aria-live="polite">
          {t('documents.count', { taken: required.filter((d) => taken.has(d.id)).length, total: required.length })}
        </span>
        <Button variant="quiet" onClick={() => onChange(new Set(required.map((d) => d.id).concat([...taken])))}>
          {t('documents.tickAll')}
        </Button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The consequence of a short package, said before the operator sends it on. */
export function MissingNotice({ regulation, taken }: { regulation: Regulation; taken: ReadonlySet<string> }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const missing = missingDocuments(regulation, taken);
  if (!missing.length) return null;
  return (
    <div className="notice notice--warning" role="status" data-testid="documents-missing">
      <p className="strong">{t('documents.missing', { count: missing.length })}</p>
      <ul className="notice-list">
        {missing.map((d) => (
          <li key={d.id}>{d.title[locale]}</li>
        ))}
      </ul>
      <p>{t('documents.missingConsequence')}</p>
    </div>
  );
}
