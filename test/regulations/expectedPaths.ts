/**
 * The paths through every channel of every act, written by hand from the seeds (not from the
 * JSON, and not from any engine): for each combination of the conditions' answers, the steps
 * walked in order and how the flow ends. `when` answers exactly the conditions the path meets
 * (c1 true = "yes": the data are there, the signature is valid, the documents comply).
 * The data (paths.test.ts) and the case engine are both checked against this table.
 */
import type { ChannelKind } from '../../src/shared/regulation';

export interface ExpectedPath {
  act: string;
  channel: ChannelKind;
  when: Record<string, boolean>;
  steps: string[];
  ends: 'result' | 'refusal';
}

/**
 * The shape shared by the State Corporation flows of S1 (Aktobe item 7–8, Karaganda item 8):
 * hand-over, processes 1–3, condition 1 (no → process 4), process 5, 6, condition 2 (no →
 * process 7, yes → process 8).
 */
function s1StateCorporation(act: string): ExpectedPath[] {
  return [
    { act, channel: 'stateCorporation', when: { c1: false }, steps: ['start', 'p1', 'p2', 'p3', 'c1', 'p4'], ends: 'refusal' },
    {
      act,
      channel: 'stateCorporation',
      when: { c1: true, c2: false },
      steps: ['start', 'p1', 'p2', 'p3', 'c1', 'p5', 'p6', 'c2', 'p7'],
      ends: 'refusal',
    },
    {
      act,
      channel: 'stateCorporation',
      when: { c1: true, c2: true },
      steps: ['start', 'p1', 'p2', 'p3', 'c1', 'p5', 'p6', 'c2', 'p8'],
      ends: 'result',
    },
  ];
}

export const EXPECTED_PATHS: ExpectedPath[] = [
  // ── S1 Aktobe, No. 285 (seed 000) ────────────────────────────────────────────────────────
  // Item 7–8: the State Corporation counter.
  ...s1StateCorporation('s1-aktobe-285'),
  // Item 5: the provider's office, five actions, no condition.
  { act: 's1-aktobe-285', channel: 'provider', when: {}, steps: ['p1', 'p2', 'p3', 'p4', 'p5'], ends: 'result' },
  // Item 9: the portal. 1) registration; 1-үдеріс; 1-шарт (no → 2-үдеріс); 3-үдеріс; 2-шарт
  // (no → 4-үдеріс); 5-үдеріс; 3-шарт (no → 6-үдеріс, yes → 7-үдеріс).
  { act: 's1-aktobe-285', channel: 'portal', when: { c1: false }, steps: ['start', 'p1', 'c1', 'p2'], ends: 'refusal' },
  {
    act: 's1-aktobe-285',
    channel: 'portal',
    when: { c1: true, c2: false },
    steps: ['start', 'p1', 'c1', 'p3', 'c2', 'p4'],
    ends: 'refusal',
  },
  {
    act: 's1-aktobe-285',
    channel: 'portal',
    when: { c1: true, c2: true, c3: false },
    steps: ['start', 'p1', 'c1', 'p3', 'c2', 'p5', 'c3', 'p6'],
    ends: 'refusal',
  },
  {
    act: 's1-aktobe-285',
    channel: 'portal',
    when: { c1: true, c2: true, c3: true },
    steps: ['start', 'p1', 'c1', 'p3', 'c2', 'p5', 'c3', 'p7'],
    ends: 'result',
  },

  // ── S1 Karaganda, No. 38/08 (seed 004, item 8 of the regulation as stated anew) ──────────
  // Only the State Corporation flow is in the seed; the same shape as Aktobe's, with БНАЖ.
  ...s1StateCorporation('s1-karaganda-38-08'),

  // ── S4 Karaganda, No. 38/08 (seed 004, item 5, 1) as stated anew) ───────────────────────
  // Five actions of the provider's office, no condition.
  { act: 's4-karaganda-38-08', channel: 'provider', when: {}, steps: ['p1', 'p2', 'p3', 'p4', 'p5'], ends: 'result' },

  // ── S2 Ekibastuz, No. 168/2, first regulation (seed 001) ────────────────────────────────
  // Item 7 and 2-кесте: the ХҚКО counter. No hand-over line: the flow opens with 1-үдеріс.
  // 1-шарт no → 4-үдеріс; yes → 5-үдеріс (scan and sign), 6 (send), 7 (register); 2-шарт
  // no → 8-үдеріс, yes → 9-үдеріс (3 working days).
  { act: 's2-ekibastuz-168-2', channel: 'stateCorporation', when: { c1: false }, steps: ['p1', 'p2', 'p3', 'c1', 'p4'], ends: 'refusal' },
  {
    act: 's2-ekibastuz-168-2',
    channel: 'stateCorporation',
    when: { c1: true, c2: false },
    steps: ['p1', 'p2', 'p3', 'c1', 'p5', 'p6', 'p7', 'c2', 'p8'],
    ends: 'refusal',
  },
  {
    act: 's2-ekibastuz-168-2',
    channel: 'stateCorporation',
    when: { c1: true, c2: true },
    steps: ['p1', 'p2', 'p3', 'c1', 'p5', 'p6', 'p7', 'c2', 'p9'],
    ends: 'result',
  },
  // Item 6 and 1 кесте: the provider's own counter. 1-шарт no → 4; 5 (scan, sign), 6 (register);
  // 2-шарт no → 7, yes → 8.
  { act: 's2-ekibastuz-168-2', channel: 'provider', when: { c1: false }, steps: ['p1', 'p2', 'p3', 'c1', 'p4'], ends: 'refusal' },
  {
    act: 's2-ekibastuz-168-2',
    channel: 'provider',
    when: { c1: true, c2: false },
    steps: ['p1', 'p2', 'p3', 'c1', 'p5', 'p6', 'c2', 'p7'],
    ends: 'refusal',
  },
  {
    act: 's2-ekibastuz-168-2',
    channel: 'provider',
    when: { c1: true, c2: true },
    steps: ['p1', 'p2', 'p3', 'c1', 'p5', 'p6', 'c2', 'p8'],
    ends: 'result',
  },
  // Item 8 and 3 кесте: the portal. 1) registration; 1-шарт no → 2 (the item drops the number,
  // the table gives 2); 3; 2-шарт no → 4; 5, 6; 3-шарт no → 7, yes → 8.
  { act: 's2-ekibastuz-168-2', channel: 'portal', when: { c1: false }, steps: ['start', 'p1', 'c1', 'p2'], ends: 'refusal' },
  {
    act: 's2-ekibastuz-168-2',
    channel: 'portal',
    when: { c1: true, c2: false },
    steps: ['start', 'p1', 'c1', 'p3', 'c2', 'p4'],
    ends: 'refusal',
  },
  {
    act: 's2-ekibastuz-168-2',
    channel: 'portal',
    when: { c1: true, c2: true, c3: false },
    steps: ['start', 'p1', 'c1', 'p3', 'c2', 'p5', 'p6', 'c3', 'p7'],
    ends: 'refusal',
  },
  {
    act: 's2-ekibastuz-168-2',
    channel: 'portal',
    when: { c1: true, c2: true, c3: true },
    steps: ['start', 'p1', 'c1', 'p3', 'c2', 'p5', 'p6', 'c3', 'p8'],
    ends: 'result',
  },

  // ── S3 Ekibastuz, No. 168/2, second regulation (seed 001) ───────────────────────────────
  // No ХҚКО channel. Item 7 and 2 кесте (ЖАО): the provider, as S2's provider flow.
  { act: 's3-ekibastuz-168-2', channel: 'provider', when: { c1: false }, steps: ['p1', 'p2', 'p3', 'c1', 'p4'], ends: 'refusal' },
  {
    act: 's3-ekibastuz-168-2',
    channel: 'provider',
    when: { c1: true, c2: false },
    steps: ['p1', 'p2', 'p3', 'c1', 'p5', 'p6', 'c2', 'p7'],
    ends: 'refusal',
  },
  {
    act: 's3-ekibastuz-168-2',
    channel: 'provider',
    when: { c1: true, c2: true },
    steps: ['p1', 'p2', 'p3', 'c1', 'p5', 'p6', 'c2', 'p8'],
    ends: 'result',
  },
  // Item 6 and 1 кесте (ЭҮП): the portal.
  { act: 's3-ekibastuz-168-2', channel: 'portal', when: { c1: false }, steps: ['start', 'p1', 'c1', 'p2'], ends: 'refusal' },
  {
    act: 's3-ekibastuz-168-2',
    channel: 'portal',
    when: { c1: true, c2: false },
    steps: ['start', 'p1', 'c1', 'p3', 'c2', 'p4'],
    ends: 'refusal',
  },
  {
    act: 's3-ekibastuz-168-2',
    channel: 'portal',
    when: { c1: true, c2: true, c3: false },
    steps: ['start', 'p1', 'c1', 'p3', 'c2', 'p5', 'p6', 'c3', 'p7'],
    ends: 'refusal',
  },
  {
    act: 's3-ekibastuz-168-2',
    channel: 'portal',
    when: { c1: true, c2: true, c3: true },
    steps: ['start', 'p1', 'c1', 'p3', 'c2', 'p5', 'p6', 'c3', 'p8'],
    ends: 'result',
  },

  // ── S4 Almaty region, No. 81, annex 10 (seed 002) ───────────────────────────────────────
  // Item 5: six actions (the sixth printed "б)"), the same for the provider and for the rural
  // district akim, with different norms; no condition.
  { act: 's4-almaty-81', channel: 'provider', when: {}, steps: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'], ends: 'result' },
  { act: 's4-almaty-81', channel: 'ruralAkim', when: {}, steps: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'], ends: 'result' },
  // Item 8: 1) register and send, 2) status in the personal cabinet, 3) then item 5.
  { act: 's4-almaty-81', channel: 'portal', when: {}, steps: ['p1', 'p2', 'p3'], ends: 'result' },

  // ── S5 Aktobe region, No. 33 (new wording), item 5 as amended by No. 144 (seed 003) ─────
  // Item 5: five actions of the provider's office, no condition.
  { act: 's5-aktobe-33', channel: 'provider', when: {}, steps: ['p1', 'p2', 'p3', 'p4', 'p5'], ends: 'result' },
  // Item 8: the portal. 1) registration; 1-үдеріс; 1-шарт (no → 2-үдеріс); 3-үдеріс; 2-шарт
  // (no → 4-үдеріс); 5-үдеріс to the ЭҮАШ АЖО; 3-шарт (no → 6-үдеріс); 11) the provider's
  // 30 calendar days (unnumbered, not a step); 7-үдеріс.
  { act: 's5-aktobe-33', channel: 'portal', when: { c1: false }, steps: ['start', 'p1', 'c1', 'p2'], ends: 'refusal' },
  {
    act: 's5-aktobe-33',
    channel: 'portal',
    when: { c1: true, c2: false },
    steps: ['start', 'p1', 'c1', 'p3', 'c2', 'p4'],
    ends: 'refusal',
  },
  {
    act: 's5-aktobe-33',
    channel: 'portal',
    when: { c1: true, c2: true, c3: false },
    steps: ['start', 'p1', 'c1', 'p3', 'c2', 'p5', 'c3', 'p6'],
    ends: 'refusal',
  },
  {
    act: 's5-aktobe-33',
    channel: 'portal',
    when: { c1: true, c2: true, c3: true },
    steps: ['start', 'p1', 'c1', 'p3', 'c2', 'p5', 'c3', 'p7'],
    ends: 'result',
  },
];
