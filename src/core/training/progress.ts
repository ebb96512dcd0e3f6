/**
 * A run's progress and score, derived — never stored step by step — from what the case really
 * did (its case_steps rows, its documents, its survey) against the scenario's expected path.
 * Pure: the same case gives the same steps and the same mistakes, live or at the end.
 */
import type { CaseStatus, DocumentKind } from '../../shared/cases';
import type { Step, Text } from '../../shared/regulation';
import type { ActReference, Mistake, RunStep, Score } from '../../shared/training/scenario';
import { actReference, type Scenario } from './loadScenarios';

export interface ObservedCase {
  status: CaseStatus;
  step: string;
  counterDone: boolean;
  awaitingCollection: boolean;
  documentsTaken: string[];
  documents: DocumentKind[];
  surveyed: boolean;
  steps: { step: string; started_at: string; ended_at: string | null; outcome: string | null; breached: number; norm_due_at: string | null }[];
}

/** A contract error the trainee met during the run, with the step the case stood at. */
export interface RecordedError {
  call: string;
  code: string;
  reason: string | null;
  step: string | null;
}

export interface Progress {
  steps: RunStep[];
  /** The case stands where the scenario expects it (or, with no case expected, none was opened). */
  reached: boolean;
  /** The case ended in another status than expected: the run is over. */
  endedOtherwise: boolean;
  score: Score;
}

const T = (kk: string, ru: string, en: string): Text => ({ kk, ru, en });

function label(step: Step): Text {
  if (step.kind === 'start') return T('құжаттарды қабылдау', 'приём документов', 'the hand-over');
  if (step.kind === 'condition') return T(`${step.number}-шарт`, `условие ${step.number}`, `condition ${step.number}`);
  return T(`${step.number}-үдеріс`, `процесс ${step.number}`, `process ${step.number}`);
}

const STATUS: Record<CaseStatus, Text> = {
  inProgress: T('қабылдануда', 'в приёме', 'in progress'),
  waitingTarget: T('қызмет берушінің шешімін күтуде', 'ждёт решения услугодателя', 'waiting for the provider'),
  refused: T('бас тартумен аяқталды', 'завершено отказом', 'refused'),
  resultReady: T('нәтиже дайын', 'результат готов', 'result ready'),
  issued: T('нәтиже берілді', 'результат выдан', 'issued'),
};
const ANSWER: Record<string, Text> = { yes: T('иә', 'да', 'yes'), no: T('жоқ', 'нет', 'no'), done: T('орындалды', 'выполнен', 'done') };

const seconds = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 1000);

export function progress(scenario: Scenario, observed: ObservedCase | null, errors: readonly RecordedError[], ended: boolean): Progress {
  const { file, channel, regulation } = scenario;
  const expected = file.expected;
  const stepById = new Map((channel?.steps ?? []).map((s) => [s.id, s]));
  const rows = new Map((observed?.steps ?? []).map((r) => [r.step, r]));
  const mistakes: Mistake[] = [];
  const ref = (id: string | undefined): ActReference | null => {
    const step = id ? stepById.get(id) : undefined;
    return step ? actReference(step) : null;
  };
  const firstOf = (effect: string) => channel?.steps.find((s) => s.effect === effect)?.id;

  const steps: RunStep[] = scenario.steps.map((s) => {
    const row = rows.get(s.step.id);
    let state: RunStep['state'];
    if (!row) state = ended ? 'skipped' : 'pending';
    else if (row.ended_at === null) state = s.expect === 'open' && ended ? 'right' : 'current';
    else if (s.expect === 'open' || row.outcome === s.expect) state = 'right';
    else state = 'wrong';
    if (state === 'wrong') {
      mistakes.push({
        step: s.step.id,
        what: T(
          `${label(s.step).kk}: жауап «${ANSWER[row!.outcome ?? '']?.kk ?? row!.outcome}», күтілгені «${ANSWER[s.expect]!.kk}»`,
          `${label(s.step).ru}: ответ «${ANSWER[row!.outcome ?? '']?.ru ?? row!.outcome}», ожидался «${ANSWER[s.expect]!.ru}»`,
          `${label(s.step).en}: answered "${ANSWER[row!.outcome ?? '']?.en ?? row!.outcome}", expected "${ANSWER[s.expect]!.en}"`,
        ),
        rule: s.act,
      });
    }
    const done = row?.ended_at ?? null;
    return {
      step: s.step.id,
      title: s.step.title,
      act: s.act,
      hint: s.hint,
      norm: s.step.norm,
      state,
      startedAt: row?.started_at ?? null,
      endedAt: done,
      actualSeconds: row && done ? seconds(row.started_at, done) : null,
      withinNorm: row && done && s.step.norm ? row.breached === 0 : null,
    };
  });

  if (observed) {
    // The first step the case took off the expected path (later ones follow from it).
    const onPath = new Set(scenario.steps.map((s) => s.step.id));
    const off = observed.steps.find((r) => !onPath.has(r.step));
    const offStep = off ? stepById.get(off.step) : undefined;
    if (offStep) {
      mistakes.push({
        step: offStep.id,
        what: T(
          `Іс күтілген жолдан ${label(offStep).kk} қадамына бұрылды`,
          `Дело ушло с ожидаемого пути на ${label(offStep).ru}`,
          `The case went off the expected path to ${label(offStep).en}`,
        ),
        rule: actReference(offStep),
      });
    }
    // The documents as ticked against what the applicant really brought.
    const title = (id: string) => regulation.requiredDocuments.find((d) => d.id === id)?.title ?? T(id, id, id);
    const handOver = firstOf('handOver') ?? firstOf('forward');
    const check = firstOf('documentCheck') ?? handOver;
    for (const id of observed.documentsTaken.filter((d) => !file.walkIn.brings.includes(d))) {
      const t = title(id);
      mistakes.push({
        step: check ?? null,
        what: T(
          `Құжат жетіспесе де қабылдау шартынан әрі өтті: «${t.kk}» әкелінбеген, бірақ қабылданды деп белгіленді`,
          `Пошёл дальше условия приёма при недостающем документе: «${t.ru}» не принесён, но отмечен принятым`,
          `Went on past the hand-over condition with a document missing: "${t.en}" was not brought but ticked as taken`,
        ),
        rule: ref(check),
      });
    }
    // Ticked at the hand-over line where the act has one, otherwise with the forward.
    const ticked = observed.counterDone || Boolean(channel?.steps.some((st) => st.effect === 'handOver' && rows.get(st.id)?.ended_at));
    for (const id of file.walkIn.brings.filter((d) => ticked && !observed.documentsTaken.includes(d))) {
      const t = title(id);
      mistakes.push({
        step: handOver ?? null,
        what: T(`Әкелінген құжат қабылданбады: «${t.kk}»`, `Принесённый документ не принят: «${t.ru}»`, `A document the applicant brought was not taken: "${t.en}"`),
        rule: ref(handOver),
      });
    }
    if (observed.counterDone && !expected.forwarded) {
      const checkData = firstOf('stateDatabaseCheck');
      mistakes.push({
        step: checkData ?? null,
        what: T(
          'Жіберілмеуге тиіс сұрауға қол қойылып, жіберілді',
          'Подписан и отправлен запрос, который не должен был уйти',
          'Signed and forwarded a request that should not have gone',
        ),
        rule: ref(checkData),
      });
    }
    if (ended && expected.forwarded && !observed.counterDone) {
      const fwd = firstOf('forward');
      mistakes.push({ step: fwd ?? null, what: T('Сұрауға қол қойылып, жіберілмеді', 'Запрос не подписан и не отправлен', 'The request was not signed and forwarded'), rule: ref(fwd) });
    }
  }

  // Errors the workstation returned that mean an act's rule was about to be broken.
  const errorRule = (e: RecordedError): Mistake | null => {
    switch (e.code) {
      case 'STEP_OUT_OF_ORDER':
        return { step: e.step, what: T(`Актінің ретінен тыс әрекет (${e.call})`, `Действие вне порядка акта (${e.call})`, `An action out of the act's order (${e.call})`), rule: ref(e.step ?? undefined) };
      case 'SIGNATURE_REQUIRED':
      case 'SIGNATURE_INVALID': {
        const fwd = firstOf('scanAndSign') ?? firstOf('forward');
        return { step: fwd ?? null, what: T('Сұрау ЭЦҚ-мен қол қойылмай жіберілмек болды', 'Попытка отправить запрос без подписи ЭЦП', 'Tried to forward the request without a valid ЭЦП signature'), rule: ref(fwd) };
      }
      case 'SERVICE_NOT_OFFERED':
        return { step: null, what: T('Мұнда көрсетілмейтін акт бойынша іс ашпақ болды', 'Попытка открыть дело по акту, который здесь не оказывается', 'Opened a case for an act not provided here'), rule: null };
      case 'VALIDATION': {
        if (!e.reason?.startsWith('poa.') && !e.reason?.startsWith('representative.')) return null;
        const form = firstOf('requestForm');
        const rule = regulation.representative ? { words: stepById.get(form ?? '')?.title.kk ?? '', citation: regulation.representative.citation } : ref(form);
        return { step: form ?? null, what: T('Актінің сенімхат туралы ережесіне сай емес өкіл деректері', 'Данные представителя не по правилу акта о доверенности', "A representative's details against the act's rule on the power of attorney"), rule };
      }
      default:
        return null;
    }
  };
  const seen = new Set<string>();
  for (const e of errors) {
    const m = errorRule(e);
    const key = m && `${m.step}|${m.what.en}`;
    if (m && key && !seen.has(key)) {
      seen.add(key);
      mistakes.push(m);
    }
  }

  const last = scenario.steps.at(-1);
  let reached: boolean;
  let endedOtherwise = false;
  if (expected.status === null) {
    reached = observed === null;
    if (observed && !errors.some((e) => e.code === 'SERVICE_NOT_OFFERED')) {
      mistakes.push({ step: null, what: T('Мұнда көрсетілмейтін акт бойынша іс ашылды', 'Открыто дело по акту, который здесь не оказывается', 'Opened a case for an act not provided here'), rule: null });
    }
  } else if (!observed) {
    reached = false;
    if (ended) mistakes.push({ step: null, what: T('Іс ашылмады', 'Дело не открыто', 'No case was opened'), rule: ref(last?.step.id) });
  } else {
    const atPlace = last?.expect === 'open' ? observed.step === last.step.id : !stepById.has(observed.step);
    const refusalHanded = !(observed.status === 'refused' && observed.awaitingCollection);
    reached =
      observed.status === expected.status &&
      atPlace &&
      expected.documents.every((d) => observed.documents.includes(d)) &&
      (!expected.survey || observed.surveyed) &&
      refusalHanded &&
      observed.counterDone === expected.forwarded;
    const terminal = observed.status === 'issued' || observed.status === 'refused';
    endedOtherwise = terminal && observed.status !== expected.status;
    if (endedOtherwise || (ended && observed.status !== expected.status)) {
      mistakes.push({
        step: last?.step.id ?? null,
        what: T(
          `Іс «${STATUS[observed.status].kk}» күйінде аяқталды, күтілгені «${STATUS[expected.status].kk}»`,
          `Дело закончилось в состоянии «${STATUS[observed.status].ru}», ожидалось «${STATUS[expected.status].ru}»`,
          `The case ended as "${STATUS[observed.status].en}", expected "${STATUS[expected.status].en}"`,
        ),
        rule: last?.act ?? null,
      });
    }
    if (ended && !refusalHanded) {
      mistakes.push({ step: last?.step.id ?? null, what: T('Бас тарту хабарламасы өтініш берушіге берілмеді', 'Уведомление об отказе не выдано заявителю', 'The refusal notice was not handed to the applicant'), rule: last?.act ?? null });
    }
    if (ended && expected.survey && !observed.surveyed) {
      mistakes.push({ step: null, what: T('Сауалнама алынбады (5-қосымша)', 'Анкетирование не проведено (приложение 5)', 'The survey was not taken (appendix 5)'), rule: null });
    }
  }

  const timed = steps.filter((s) => s.withinNorm !== null);
  const score: Score = {
    stepsRight: steps.filter((s) => s.state === 'right').length,
    stepsTotal: steps.length,
    withinNorm: timed.filter((s) => s.withinNorm).length,
    normsTotal: timed.length,
    mistakes,
    passed: reached && mistakes.length === 0,
  };
  return { steps, reached, endedOtherwise, score };
}
