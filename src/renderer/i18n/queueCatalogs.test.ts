import { describe, expect, it } from 'vitest';
import { TICKET_STATES } from '../../shared/queue';
import { LOCALES } from '../../shared/schemas';
import { catalogs } from './catalog';
import kk from './kk.json';
import queueKk from './queue.kk.json';

// The queue's sentences live in files of their own (queue.*.json), merged in catalog.ts.
describe('the queue catalogues', () => {
  it('do not silently replace a sentence of the main catalogues', () => {
    expect(Object.keys(queueKk).filter((key) => key in kk)).toEqual([]);
  });

  it.each(LOCALES)('%s names every ticket state, the default barrier-free categories and both sections', (locale) => {
    const keys = [
      ...TICKET_STATES.map((state) => `queue.state.${state}`),
      ...['disability', 'elderly', 'pregnant', 'infant'].map((c) => `queue.priority.${c}`),
      ...['called', 'recalled', 'noShow', 'returned', 'finished'].map((d) => `queue.done.${d}`),
      'nav.queue',
      'nav.queueStats',
    ];
    expect(keys.filter((key) => !(key in catalogs[locale]))).toEqual([]);
  });
});
