/** The queue's rules: barrier-free categories, the priority streak, recalls and the wait before a no-show. */
import { useEffect, useState, type FormEvent } from 'react';
import type { QueueSettings } from '../../shared/queue';
import { invoke } from '../client/client';
import { toProblem, type Problem } from '../client/problem';
import { describeProblem } from '../i18n/describeProblem';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { priorityLabel } from './labels';

/** The categories the catalogues have words for; the settings may hold others. */
const KNOWN_CATEGORIES = ['disability', 'elderly', 'pregnant', 'infant'];

interface Draft {
  categories: string[];
  maxPriorityStreak: string;
  recallsBeforeNoShow: string;
  noShowAfterSeconds: string;
}

type NumberField = keyof Omit<Draft, 'categories'>;
const RANGES: Record<NumberField, [min: number, max: number]> = {
  maxPriorityStreak: [1, 20],
  recallsBeforeNoShow: [1, 10],
  noShowAfterSeconds: [30, 1800],
};

const toDraft = (s: QueueSettings): Draft => ({
  categories: s.priorityCategories,
  maxPriorityStreak: String(s.maxPriorityStreak),
  recallsBeforeNoShow: String(s.recallsBeforeNoShow),
  noShowAfterSeconds: String(s.noShowAfterSeconds),
});

export function QueueSettingsBlock({ editable }: { editable: boolean }) {
  const t = useT();
  const [saved, setSaved] = useState<QueueSettings | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [extra, setExtra] = useState('');
  const [outOfRange, setOutOfRange] = useState<NumberField[]>([]);

  useEffect(() => {
    invoke('queue.settings', {}).then(
      (s) => {
        setSaved(s);
        setDraft(toDraft(s));
      },
      (error: unknown) => setProblem(toProblem(error)),
    );
  }, []);

  if (!draft || !saved) return problem ? <Notice tone="error">{describeProblem(t, problem).summary}</Notice> : null;

  const described = problem ? describeProblem(t, problem) : null;
  const categories = [...new Set([...KNOWN_CATEGORIES, ...saved.priorityCategories, ...draft.categories])];
  const range = (field: NumberField) => {
    const [min, max] = RANGES[field];
    return {
      name: field,
      type: 'number',
      inputMode: 'numeric' as const,
      min,
      max,
      value: draft[field],
      disabled: !editable,
      hint: t('queue.settings.range', { min, max }),
      error: outOfRange.includes(field) ? t('reason.outOfRange') : described?.fields[field],
      onChange: (event: { target: { value: string } }) => {
        setDone(false);
        setOutOfRange((fields) => fields.filter((f) => f !== field));
        setDraft({ ...draft, [field]: event.target.value });
      },
    };
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    // A number outside its range is said beside the field before anything is sent.
    const wrong = (Object.keys(RANGES) as NumberField[]).filter((f) => {
      const value = Number(draft[f]);
      return draft[f].trim() === '' || !Number.isInteger(value) || value < RANGES[f][0] || value > RANGES[f][1];
    });
    setOutOfRange(wrong);
    if (wrong.length) return;
    setBusy(true);
    setProblem(null);
    setDone(false);
    try {
      const next = await invoke('queue.updateSettings', {
        priorityCategories: draft.categories,
        maxPriorityStreak: Number(draft.maxPriorityStreak),
        recallsBeforeNoShow: Number(draft.recallsBeforeNoShow),
        noShowAfterSeconds: Number(draft.noShowAfterSeconds),
      });
      setSaved(next);
      setDraft(toDraft(next));
      setDone(true);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  }

  function addCategory() {
    const id = extra.trim();
    if (!id || draft!.categories.includes(id)) return;
    setDraft({ ...draft!, categories: [...draft!.categories, id] });
    setExtra('');
  }

  return (
    <form className="queue-card queue-settings form" onSubmit={submit} data-testid="queue-settings" noValidate>
      <h2 className="queue-card-title">{t('queue.settings.title')}</h2>
      <p className="muted">
        {t('queue.settings.lead')}
        {!editable && ` ${t('queue.settings.readOnly')}`}
      </p>
      <fieldset className="queue-radios">
        <legend className="field-label">{t('queue.settings.categories')}</legend>
        <div className="queue-settings-categories">
          {categories.map((c) => (
            <label key={c} className="queue-check">
              <input
                type="checkbox"
                name="priorityCategories"
                value={c}
                disabled={!editable}
                checked={draft.categories.includes(c)}
                onChange={(event) => {
                  setDone(false);
                  setDraft({ ...draft, categories: event.target.checked ? [...draft.categories, c] : draft.categories.filter((x) => x !== c) });
                }}
              />
              <span>{priorityLabel(t, c)}</span>
            </label>
          ))}
        </div>
        {described?.fields.priorityCategories && (
          <p className="field-error" role="alert">
            {described.fields.priorityCategories}
          </p>
        )}
        {editable && (
          <div className="queue-settings-add">
            <Field
              label={t('queue.settings.addCategory')}
              hint={t('queue.settings.addCategoryHint')}
              name="newCategory"
              value={extra}
              maxLength={31}
              autoComplete="off"
              onChange={(event) => setExtra(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  addCategory();
                }
              }}
            />
            <Button onClick={addCategory}>{t('queue.settings.add')}</Button>
          </div>
        )}
      </fieldset>
      <div className="queue-settings-numbers">
        <Field label={t('queue.settings.maxPriorityStreak')} {...range('maxPriorityStreak')} />
        <Field label={t('queue.settings.recallsBeforeNoShow')} {...range('recallsBeforeNoShow')} />
        <Field label={t('queue.settings.noShowAfterSeconds')} {...range('noShowAfterSeconds')} />
      </div>
      {described && <Notice tone="error">{described.summary}</Notice>}
      {done && <Notice tone="success">{t('queue.settings.saved')}</Notice>}
      {editable && (
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            {t('action.save')}
          </Button>
        </div>
      )}
    </form>
  );
}
