/** The window this operator sits at and the service groups it calls from, remembered in this browser. */
import { useState, type FormEvent } from 'react';
import type { Problem } from '../client/problem';
import { describeProblem } from '../i18n/describeProblem';
import { useLocale, useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import type { Kiosk, WindowChoice } from './queueStore';

interface Props {
  initial: WindowChoice | null;
  kiosk: Kiosk | null;
  /** Groups seen in line today, which the kiosk may no longer offer. */
  waitingGroups: string[];
  onSave(choice: WindowChoice): Promise<Problem | null>;
  onCancel: (() => void) | null;
}

export function WindowSetup({ initial, kiosk, waitingGroups, onSave, onCancel }: Props) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [windowName, setWindowName] = useState(initial?.window ?? '');
  const [groups, setGroups] = useState<string[]>(initial?.groups ?? []);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState<'window' | 'groups' | null>(null);

  const known = [...new Set([...(kiosk?.groups.map((g) => g.group) ?? []), ...waitingGroups, ...(initial?.groups ?? [])])].sort();
  const titles = (group: string) => kiosk?.groups.find((g) => g.group === group)?.services.map((s) => s.title[locale]) ?? [];
  const described = problem ? describeProblem(t, problem) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const name = windowName.trim();
    if (!name) return setMissing('window');
    if (groups.length === 0) return setMissing('groups');
    setMissing(null);
    setBusy(true);
    const result = await onSave({ window: name, groups });
    setBusy(false);
    setProblem(result);
  }

  return (
    <form className="queue-card queue-setup form" onSubmit={submit} data-testid="window-setup" noValidate>
      <h2 className="queue-card-title">{t('queue.setup.title')}</h2>
      <p className="muted">{t('queue.setup.lead')}</p>
      <Field
        label={t('queue.setup.window')}
        name="window"
        value={windowName}
        maxLength={4}
        autoFocus
        autoComplete="off"
        className="queue-setup-window"
        hint={t('queue.setup.windowHint')}
        error={missing === 'window' ? t('reason.required') : described?.fields.window}
        onChange={(event) => setWindowName(event.target.value)}
      />
      <fieldset className="queue-setup-groups">
        <legend className="field-label">{t('queue.setup.groups')}</legend>
        {known.length === 0 && <p className="muted">{t('queue.setup.noGroups')}</p>}
        {known.map((group) => (
          <label key={group} className="queue-check">
            <input
              type="checkbox"
              name="groups"
              value={group}
              checked={groups.includes(group)}
              onChange={(event) => setGroups((gs) => (event.target.checked ? [...gs, group].sort() : gs.filter((g) => g !== group)))}
            />
            <span className="queue-letter">{group}</span>
            <span className="queue-check-text">{titles(group).join('; ') || t('queue.setup.groupWithoutServices')}</span>
          </label>
        ))}
        {missing === 'groups' && (
          <p className="field-error" role="alert">
            {t('queue.setup.chooseGroup')}
          </p>
        )}
      </fieldset>
      {described && !Object.keys(described.fields).length && <Notice tone="error">{described.summary}</Notice>}
      <div className="form-actions">
        {onCancel && <Button onClick={onCancel}>{t('action.cancel')}</Button>}
        <Button type="submit" variant="primary" busy={busy}>
          {t('queue.setup.save')}
        </Button>
      </div>
    </form>
  );
}
