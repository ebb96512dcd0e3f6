/**
 * Reads every scenario in resources/training/ and checks it twice: against its schema, and
 * against the act and the training population it names — the path must be a walk the act's
 * counter flow allows, the documents must be the act's, and the registers must really answer
 * what the scenario says they answer. A file that fails is set aside with its name and field;
 * the others load. The act's own words and items are attached here, from the regulation.
 */
import type { Channel, Regulation, Step } from '../../shared/regulation';
import { ScenarioFile } from '../../shared/training/scenarioFile';
import type { ActReference, ScenarioSummary, WalkIn } from '../../shared/training/scenario';
import { TRAINING_PEOPLE, TRAINING_POWERS_OF_ATTORNEY } from '../../shared/training/people';
import { loadDataFiles, type DataFileProblem } from '../dataFiles';

/** One step of the expected path, with what the act says of it. */
export interface ScenarioStep {
  step: Step;
  hint: ScenarioFile['path'][number]['hint'];
  act: ActReference;
  /** How the step should end: a process done, a condition answered yes or no, or the step the case should stand at. */
  expect: 'done' | 'yes' | 'no' | 'open';
}

export interface Scenario {
  file: ScenarioFile;
  regulation: Regulation;
  /** The act's counter flow; null for an act not provided at the State Corporation. */
  channel: Channel | null;
  steps: ScenarioStep[];
  summary: ScenarioSummary;
  walkIn: WalkIn;
}

export type ScenarioProblem = DataFileProblem;

export const actReference = (step: Step): ActReference => ({ words: step.title.kk, citation: step.citation });

const fullNameOf = (p: (typeof TRAINING_PEOPLE)[number]) => [p.surname, p.name, p.patronymic].filter(Boolean).join(' ');

class Problem extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** What the registers answer for this power of attorney, as the in-process gateway and the simulator do. */
function poaAnswer(principalIin: string, rep: NonNullable<ScenarioFile['walkIn']['representative']>) {
  const poa = TRAINING_POWERS_OF_ATTORNEY.find(
    (p) => p.number === rep.powerOfAttorney.number && p.principalIin === principalIin && p.representativeIin === rep.iin,
  );
  if (!poa) return 'unknown';
  return poa.revoked ? 'revoked' : 'valid';
}

function checkPopulation(f: ScenarioFile): void {
  const person = TRAINING_PEOPLE.find((p) => p.iin === f.walkIn.applicantIin);
  const answer = person ? (person.deceased ? 'deceased' : 'found') : 'unknown';
  if (answer !== f.stateSystems.person) throw new Problem('stateSystems.person', 'population.answersOtherwise');
  if (!person && !f.walkIn.fullName) throw new Problem('walkIn.fullName', 'required');
  const rep = f.walkIn.representative;
  if ((rep === null) !== (f.stateSystems.powerOfAttorney === null)) throw new Problem('stateSystems.powerOfAttorney', 'representative.mismatch');
  if (rep) {
    if (!TRAINING_PEOPLE.some((p) => p.iin === rep.iin)) throw new Problem('walkIn.representative.iin', 'population.unknownPerson');
    if (poaAnswer(f.walkIn.applicantIin, rep) !== f.stateSystems.powerOfAttorney) throw new Problem('stateSystems.powerOfAttorney', 'population.answersOtherwise');
  }
}

/** The path as a walk of the act's flow, each step with the end it should have. */
function checkPath(f: ScenarioFile, channel: Channel): ScenarioStep[] {
  const byId = new Map(channel.steps.map((s) => [s.id, s]));
  if (f.path[0]?.step !== channel.steps[0]!.id) throw new Problem('path.0.step', 'path.mustStartAtFirstStep');
  const steps: ScenarioStep[] = [];
  f.path.forEach((entry, i) => {
    const step = byId.get(entry.step);
    if (!step) throw new Problem(`path.${i}.step`, 'step.unknown');
    const next = f.path[i + 1]?.step;
    let expect: ScenarioStep['expect'];
    if (next === undefined) {
      const terminal = f.expected.status === 'issued' || f.expected.status === 'refused';
      if (terminal && !(step.kind === 'process' && step.next === 'end')) throw new Problem(`path.${i}.step`, 'path.mustEndTheFlow');
      const endsAs = step.kind === 'process' && step.next === 'end' ? (step.ends === 'result' ? 'issued' : 'refused') : null;
      if (terminal && endsAs !== f.expected.status) throw new Problem('expected.status', 'path.endsOtherwise');
      expect = terminal ? 'done' : 'open';
    } else if (step.kind === 'condition') {
      if (next !== step.ifYes && next !== step.ifNo) throw new Problem(`path.${i + 1}.step`, 'path.notInTheFlow');
      expect = next === step.ifYes ? 'yes' : 'no';
    } else {
      if (step.next !== next) throw new Problem(`path.${i + 1}.step`, 'path.notInTheFlow');
      expect = 'done';
    }
    steps.push({ step, hint: entry.hint, act: actReference(step), expect });
  });
  return steps;
}

function build(file: string, f: ScenarioFile, regulations: ReadonlyMap<string, Regulation>): Scenario {
  if (`${f.id}.json` !== file) throw new Problem('id', 'idDoesNotMatchFile');
  const regulation = regulations.get(f.regulationId);
  if (!regulation) throw new Problem('regulationId', 'regulation.unknown');
  const channel = regulation.channels.find((c) => c.kind === 'stateCorporation') ?? null;
  const known = new Map(regulation.requiredDocuments.map((d) => [d.id, d]));
  f.walkIn.brings.forEach((id, i) => {
    if (!known.has(id)) throw new Problem(`walkIn.brings.${i}`, 'document.unknown');
  });
  if (f.walkIn.representative && !regulation.representative) throw new Problem('walkIn.representative', 'representative.notAllowed');
  checkPopulation(f);
  let steps: ScenarioStep[] = [];
  if (f.expected.status === null) {
    // No case: nothing to walk, and nothing the registers are asked.
    if (f.path.length > 0) throw new Problem('path', 'path.noCaseExpected');
  } else {
    if (!channel) throw new Problem('regulationId', 'regulation.noCounterFlow');
    steps = checkPath(f, channel);
  }
  const person = TRAINING_PEOPLE.find((p) => p.iin === f.walkIn.applicantIin);
  const rep = f.walkIn.representative;
  const repPerson = rep ? TRAINING_PEOPLE.find((p) => p.iin === rep.iin)! : null;
  return {
    file: f,
    regulation,
    channel,
    steps,
    summary: {
      id: f.id,
      title: f.title,
      summary: f.summary,
      regulationId: f.regulationId,
      expected: { status: f.expected.status, documents: f.expected.documents, survey: f.expected.survey },
      faults: f.stateSystems.fault ? [f.stateSystems.fault.mode] : [],
    },
    walkIn: {
      fullName: person ? fullNameOf(person) : f.walkIn.fullName!,
      iin: f.walkIn.applicantIin,
      representative:
        rep && repPerson
          ? { fullName: fullNameOf(repPerson), iin: rep.iin, powerOfAttorney: `${rep.powerOfAttorney.number}, ${rep.powerOfAttorney.date}, ${rep.powerOfAttorney.notary}` }
          : null,
      brings: f.walkIn.brings.map((id) => known.get(id)!.title),
      says: f.walkIn.says,
    },
  };
}

export function loadScenarios(dir: string, regulations: readonly Regulation[]): { scenarios: Scenario[]; problems: ScenarioProblem[] } {
  const { items, problems } = loadDataFiles(dir, /\.json$/, ScenarioFile);
  const byId = new Map(regulations.map((r) => [r.id, r]));
  const scenarios: Scenario[] = [];
  for (const { file, data } of items) {
    try {
      scenarios.push(build(file, data, byId));
    } catch (err) {
      if (!(err instanceof Problem)) throw err;
      problems.push({ file, field: err.field, reason: err.reason });
    }
  }
  problems.sort((a, b) => a.file.localeCompare(b.file));
  return { scenarios, problems };
}
