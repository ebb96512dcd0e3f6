/**
 * The target systems of the regulations (Е-собес, ЭҮАШ АЖО) as the simulator plays them: a
 * submission is registered at once under the system's own number and decided after a set delay
 * by the Standard's rule — a complete set of documents gets a result document, a set with
 * missing documents a refusal naming them (Standard, item 9), in Kazakh and Russian.
 */
import type { WireSubmission, WireTargetStatus } from '../shared/smartBridge/services';
import { decide } from '../shared/training/decision';

const PREFIX: Record<WireSubmission['targetSystem'], string> = { eSobes: 'ЕС', regionalGateway: 'ЭҮАШ' };

interface Registered {
  submission: WireSubmission;
  registeredAt: number;
}

export class TargetSystems {
  private readonly registered = new Map<string, Registered>();
  private readonly sequence: Record<WireSubmission['targetSystem'], number> = { eSobes: 0, regionalGateway: 0 };

  constructor(
    private readonly decisionDelayMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  register(submission: WireSubmission): string {
    const number = `${PREFIX[submission.targetSystem]}-${String(++this.sequence[submission.targetSystem]).padStart(6, '0')}`;
    this.registered.set(number, { submission, registeredAt: this.now() });
    return number;
  }

  /** Where the request stands; null when no system registered that number. */
  status(registrationNumber: string): WireTargetStatus | null {
    const entry = this.registered.get(registrationNumber);
    if (!entry) return null;
    const decidedAt = entry.registeredAt + this.decisionDelayMs;
    if (this.now() < decidedAt) return { state: 'registered', registrationNumber };
    return decide(entry.submission, registrationNumber, decidedAt);
  }
}
