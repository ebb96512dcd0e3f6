/** The act's own (Kazakh) words for a step or a rule, with the seed and the item they stand at. */
import type { ActReference } from '../../shared/training/scenario';
import { useT } from '../i18n/localeStore';

export function ActWords({ act }: { act: ActReference }) {
  const t = useT();
  return (
    <figure className="act-words">
      <blockquote lang="kk" className="act-words-text">
        {act.words}
      </blockquote>
      <figcaption className="act-words-citation">
        {t('act.citationValue', { item: act.citation.item })} · <span className="mono">{act.citation.seed}</span>
      </figcaption>
    </figure>
  );
}
