/**
 * Process 3 waits for ЖТ МДҚ (the link is down or slow): the applicant need not wait with it. The
 * operator signs and forwards now and hands over a receipt marked pending; condition 1, the
 * forwarding and the registration follow by themselves, and if the data are not there the refusal
 * is kept for the applicant to collect.
 */
import type { CaseView } from '../../../shared/cases';
import type { Channel, Regulation, Step } from '../../../shared/regulation';
import { useGateway } from '../../gateway/gatewayStore';
import { linkDown } from '../../gateway/words';
import { useT } from '../../i18n/localeStore';
import { ForwardPanel } from './ForwardPanel';
import { WaitingPanel } from './WaitingPanel';

interface AcceptWithoutAnswerProps {
  regulation: Regulation;
  channel: Channel;
  step: Step;
  view: CaseView;
}

export function AcceptWithoutAnswer({ regulation, channel, step, view }: AcceptWithoutAnswerProps) {
  const t = useT();
  // With no link, accepting is what to do next; with one, the answer is likely a moment away.
  const down = linkDown(useGateway((s) => s.status?.link));
  return (
    <>
      <WaitingPanel channel={channel} step={step} view={view} autoFocus={!down} />
      <section className="accept-without-answer" aria-labelledby="accept-without-answer-title" data-testid="accept-without-answer">
        <h3 className="section-title" id="accept-without-answer-title">
          {t('accept.title')}
        </h3>
        <p className="panel-note">{t('accept.lead')}</p>
        <ForwardPanel regulation={regulation} channel={channel} view={view} autoFocus={down} />
      </section>
    </>
  );
}
