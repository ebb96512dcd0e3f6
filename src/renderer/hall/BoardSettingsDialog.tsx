/** The wording the board speaks, per language, tried out loud before it is saved on this screen. */
import { useEffect, useState, type FormEvent } from 'react';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { chooseVoice, DEFAULT_TEMPLATES, fillTemplate, type SpokenLocale, type Templates } from './announce';

function useVoices(): SpeechSynthesisVoice[] {
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>(() => (typeof speechSynthesis === 'undefined' ? [] : speechSynthesis.getVoices()));
  useEffect(() => {
    if (typeof speechSynthesis === 'undefined') return;
    const update = () => setVoices(speechSynthesis.getVoices());
    speechSynthesis.addEventListener('voiceschanged', update);
    return () => speechSynthesis.removeEventListener('voiceschanged', update);
  }, []);
  return voices;
}

interface Props {
  templates: Templates;
  onTry(templates: Templates): void;
  onSave(templates: Templates): void;
  onClose(): void;
}

export function BoardSettingsDialog({ templates, onTry, onSave, onClose }: Props) {
  const t = useT();
  const voices = useVoices();
  const [draft, setDraft] = useState(templates);
  const sample = { number: 'A-015', window: '3' };

  const voiceLine = (locale: SpokenLocale) => {
    const voice = chooseVoice(voices, locale);
    return voice ? t('queue.board.voice', { name: voice.name }) : t('queue.board.voiceDefault');
  };
  const field = (locale: SpokenLocale) => (
    <Field
      label={t(`queue.board.template.${locale}`)}
      name={`template-${locale}`}
      value={draft[locale]}
      lang={locale}
      maxLength={120}
      spellCheck={false}
      hint={`${fillTemplate(draft[locale] || DEFAULT_TEMPLATES[locale], sample)} · ${voiceLine(locale)}`}
      onChange={(event) => setDraft((d) => ({ ...d, [locale]: event.target.value }))}
    />
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    onSave({ kk: draft.kk.trim() || DEFAULT_TEMPLATES.kk, ru: draft.ru.trim() || DEFAULT_TEMPLATES.ru });
  }

  return (
    <Dialog title={t('queue.board.settingsTitle')} onClose={onClose} wide>
      <form className="form" onSubmit={submit} data-testid="board-settings">
        <p className="muted">{t('queue.board.templateHint')}</p>
        {field('kk')}
        {field('ru')}
        <div className="field board-settings-language">
          <span className="field-label">{t('locale.label')}</span>
          <LanguageSwitch />
        </div>
        <div className="form-actions form-actions--split">
          <Button onClick={() => setDraft(DEFAULT_TEMPLATES)}>{t('queue.board.templateDefaults')}</Button>
          <div className="page-actions">
            <Button onClick={() => onTry(draft)}>{t('queue.board.try')}</Button>
            <Button onClick={onClose}>{t('action.cancel')}</Button>
            <Button type="submit" variant="primary">
              {t('action.save')}
            </Button>
          </div>
        </div>
      </form>
    </Dialog>
  );
}
