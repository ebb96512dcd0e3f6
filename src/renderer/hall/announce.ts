/**
 * What the hall hears when a number is called: a short two-tone chime drawn with the Web Audio
 * API (no sound files), then the number and the window spoken in Kazakh and then in Russian by
 * the browser's speech synthesis. Calls that arrive while one is being announced wait their turn.
 */

export type SpokenLocale = 'kk' | 'ru';

export interface Templates {
  kk: string;
  ru: string;
}

export const DEFAULT_TEMPLATES: Templates = {
  kk: '{number} талон, {window}-терезе',
  ru: 'Талон {number}, окно {window}',
};

const SPEECH_LANG: Record<SpokenLocale, string> = { kk: 'kk-KZ', ru: 'ru-RU' };

/** The template with {number} and {window} filled in; other braces are left as written. */
export function fillTemplate(template: string, call: { number: string; window: string }): string {
  return template.replace(/\{(number|window)\}/g, (_whole, name: 'number' | 'window') => call[name]);
}

interface VoiceLike {
  lang: string;
  name: string;
  default: boolean;
  localService?: boolean;
}

/** A voice whose language is the one wanted (kk-KZ, kk, ru_RU…), local ones first; none: the default. */
export function chooseVoice<V extends VoiceLike>(voices: readonly V[], locale: SpokenLocale): V | null {
  const matching = voices.filter((v) => v.lang.toLowerCase().replace('_', '-').split('-')[0] === locale);
  return matching.find((v) => v.localService) ?? matching[0] ?? null;
}

/** The two sentences of one call, in the order they are spoken. */
export function announcementTexts(templates: Templates, call: { number: string; window: string }): { locale: SpokenLocale; text: string }[] {
  return (['kk', 'ru'] as const)
    .map((locale) => ({ locale, text: fillTemplate(templates[locale].trim() || DEFAULT_TEMPLATES[locale], call).trim() }))
    .filter((s) => s.text !== '');
}

const CHIME_MS = 1100;
/** Speech that never starts (no voices, a muted profile) must not hold the queue of calls. */
const SPEECH_POLL_MS = 250;
const SPEECH_LIMIT_MS = 15_000;

const sleep = (ms: number) => new Promise<void>((done) => window.setTimeout(done, ms));

export class Announcer {
  private audio: AudioContext | null = null;
  private queue: { call: { number: string; window: string }; templates: Templates | undefined }[] = [];
  private running = false;

  constructor(private readonly templates: () => Templates) {}

  /** Sound was allowed by a person's tap or click on the board (the browser's autoplay rule). */
  unlock(): void {
    const audio = this.context();
    void audio?.resume().catch(() => {});
  }

  /** The browser will play sound now, without a tap first. */
  get soundAllowed(): boolean {
    return this.audio?.state === 'running' || (typeof navigator !== 'undefined' && navigator.userActivation?.hasBeenActive === true);
  }

  /** Queues a call; `templates` tries a wording before it is saved. */
  announce(call: { number: string; window: string }, templates?: Templates): void {
    this.queue.push({ call, templates });
    if (!this.running) void this.drain();
  }

  dispose(): void {
    this.queue = [];
    void this.audio?.close().catch(() => {});
    this.audio = null;
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        this.chime();
        await sleep(CHIME_MS);
        await this.speak(announcementTexts(next.templates ?? this.templates(), next.call));
      }
    } finally {
      this.running = false;
    }
  }

  private context(): AudioContext | null {
    if (this.audio) return this.audio;
    if (typeof AudioContext === 'undefined') return null;
    this.audio = new AudioContext();
    return this.audio;
  }

  /** Two soft bell tones, high then low, the way halls are used to hearing a call. */
  private chime(): void {
    const audio = this.context();
    if (!audio) return;
    void audio.resume().catch(() => {});
    const start = audio.currentTime + 0.02;
    const tones: [frequency: number, at: number, length: number][] = [
      [880, 0, 0.55],
      [659.25, 0.45, 0.65],
    ];
    for (const [frequency, at, length] of tones) {
      const osc = audio.createOscillator();
      const overtone = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      overtone.type = 'sine';
      overtone.frequency.value = frequency * 2;
      const overtoneGain = audio.createGain();
      overtoneGain.gain.value = 0.12;
      gain.gain.setValueAtTime(0.0001, start + at);
      gain.gain.exponentialRampToValueAtTime(0.35, start + at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + at + length);
      osc.connect(gain);
      overtone.connect(overtoneGain).connect(gain);
      gain.connect(audio.destination);
      for (const o of [osc, overtone]) {
        o.start(start + at);
        o.stop(start + at + length + 0.05);
      }
    }
  }

  private async speak(sentences: { locale: SpokenLocale; text: string }[]): Promise<void> {
    if (typeof speechSynthesis === 'undefined' || typeof SpeechSynthesisUtterance === 'undefined') return;
    const voices = speechSynthesis.getVoices();
    for (const { locale, text } of sentences) {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = SPEECH_LANG[locale];
      const voice = chooseVoice(voices, locale);
      if (voice) utterance.voice = voice;
      utterance.rate = 0.9;
      speechSynthesis.speak(utterance);
    }
    // Wait until the synthesiser has said both, or has nothing to say (no voice, speech off).
    const started = Date.now();
    do await sleep(SPEECH_POLL_MS);
    while ((speechSynthesis.speaking || speechSynthesis.pending) && Date.now() - started < SPEECH_LIMIT_MS);
  }
}
