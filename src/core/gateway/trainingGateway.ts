/**
 * The training population as an in-process gateway, for the engine's tests: it answers as the
 * registers would (a person is found or not, a power of attorney matches or not, the provider
 * refuses a request whose documents are incomplete) with no network in between. The workstation
 * itself talks to the simulator of the state systems over the SmartBridge protocol.
 */
import { decide } from '../../shared/training/decision';
import { TRAINING_PEOPLE, TRAINING_POWERS_OF_ATTORNEY } from '../../shared/training/people';
import type { GatewayPort, MessageMeta, PowerOfAttorneyQuery, Submission, TargetStatus } from './port';

export { TRAINING_PEOPLE, TRAINING_POWERS_OF_ATTORNEY };

export class TrainingGateway implements GatewayPort {
  private readonly registered = new Map<string, Submission>();
  /** messageId → registration number: a repeated message is the same request. */
  private readonly byMessage = new Map<string, string>();
  private sequence = 0;
  /** How many submissions each case number registered: the engine's tests count duplicates. */
  readonly submissionsByCase = new Map<string, number>();

  async findPerson(iin: string, _meta: MessageMeta) {
    return TRAINING_PEOPLE.find((p) => p.iin === iin) ?? null;
  }

  async findPowerOfAttorney(q: PowerOfAttorneyQuery, _meta: MessageMeta) {
    return (
      TRAINING_POWERS_OF_ATTORNEY.find(
        (p) => p.number === q.number && p.principalIin === q.principalIin && p.representativeIin === q.representativeIin,
      ) ?? null
    );
  }

  async submit(s: Submission, meta: MessageMeta) {
    const earlier = this.byMessage.get(meta.messageId);
    if (earlier) return { registrationNumber: earlier };
    const registrationNumber = `${s.targetSystem === 'eSobes' ? 'ЕС' : 'ЭҮАШ'}-${String(++this.sequence).padStart(6, '0')}`;
    this.registered.set(registrationNumber, s);
    this.byMessage.set(meta.messageId, registrationNumber);
    this.submissionsByCase.set(s.caseNumber, (this.submissionsByCase.get(s.caseNumber) ?? 0) + 1);
    return { registrationNumber };
  }

  async status(registrationNumber: string, _meta: MessageMeta): Promise<TargetStatus> {
    const s = this.registered.get(registrationNumber);
    if (!s) return { state: 'registered', registrationNumber };
    return decide(s, registrationNumber, Date.now());
  }
}
