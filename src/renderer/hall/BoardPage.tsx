/**
 * The display board on the hall's TV: the numbers called with their windows (the latest one large
 * and lit), the next ones in line, a chime and the number spoken in Kazakh and Russian on every
 * call. No operator logs in here and no personal data is shown: the board's calls are public.
 * Headings are in both languages, the state language first, as the hall's signs are. A board may
 * be set to some windows only (boardWindows.ts): it then shows, chimes and speaks only their calls.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { BoardView } from '../../shared/queue';
import { invoke, on } from '../client/client';
import { HallBranchNotice } from '../branch/HallBranchNotice';
import { useBranchLive } from '../branch/useBranchLive';
import { translate, type MessageKey, type Params } from '../i18n/catalog';
import { describeProblem } from '../i18n/describeProblem';
import { useT } from '../i18n/localeStore';
import { clockTime } from '../queue/labels';
import { Announcer, type Templates } from './announce';
import { BoardSettingsDialog } from './BoardSettingsDialog';
import { loadTemplates, saveTemplates } from './boardSettings';
import { boardShows, boardWindowsFrom, windowsList } from './boardWindows';
import { useNow } from '../ui/useNow';
import { useLiveQueue } from './useLiveQueue';
import './hall.css';

/** A fresh call stays lit this long. */
const FLASH_MS = 12_000;

function Both({ k, params, className }: { k: MessageKey; params?: Params; className?: string }) {
  return (
    <span className={`both${className ? ` ${className}` : ''}`}>
      <span lang="kk">{translate('kk', k, params)}</span>
      <span lang="ru" className="both-second">
        {translate('ru', k, params)}
      </span>
    </span>
  );
}

export function BoardPage() {
  const t = useT();
  const now = useNow(5_000);
  // The board's address is set once, when the hall's screen is set up.
  const [windows] = useState(() => boardWindowsFrom(window.location));
  const { value: board, problem, refresh } = useLiveQueue<BoardView>(() => invoke('queue.board', windows ? { windows } : {}));
  const [templates, setTemplates] = useState<Templates>(loadTemplates);
  const templatesRef = useRef(templates);
  templatesRef.current = templates;
  const announcer = useMemo(() => new Announcer(() => templatesRef.current), []);
  const [fresh, setFresh] = useState<{ number: string; window: string; at: number } | null>(null);
  const [soundAllowed, setSoundAllowed] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);

  useBranchLive();

  useEffect(() => {
    const off = on('queue.called', (call) => {
      // Another board of the hall announces the other windows' calls.
      if (!boardShows(windows, call.window)) return;
      setFresh({ number: call.number, window: call.window, at: Date.now() });
      announcer.announce(call);
      void refresh();
    });
    return () => {
      off();
      announcer.dispose();
    };
  }, [announcer, refresh, windows]);

  useEffect(() => {
    setSoundAllowed(announcer.soundAllowed);
  }, [announcer, now]);

  const lit = fresh && now - fresh.at < FLASH_MS ? fresh.number : null;
  const called = board?.called ?? [];
  // The latest call large, then as many earlier ones as a hall can read at a glance.
  const [latest, ...rest] = called;
  const earlier = rest.slice(0, 4);

  function enableSound() {
    announcer.unlock();
    setSoundAllowed(true);
  }

  return (
    <div className="board" data-testid="board">
      <header className="board-header">
        <div className="board-heading">
          <h1 className="board-title">
            <Both k="queue.board.title" />
          </h1>
          {windows && (
            <p className="board-windows" data-testid="board-windows" data-windows={windows.join(',')}>
              <Both k={windows.length === 1 ? 'queue.board.windowOne' : 'queue.board.windowsMany'} params={{ list: windowsList(windows) }} />
            </p>
          )}
        </div>
        <div className="board-clock" aria-label={t('queue.board.clock')}>
          {clockTime(new Date(now))}
        </div>
      </header>

      {problem && !board && (
        <p className="board-problem" role="alert">
          {describeProblem(t, problem).summary}
        </p>
      )}

      <main className="board-main">
        <section className="board-called" aria-labelledby="board-called-title">
          <div className="board-columns" id="board-called-title">
            <Both k="queue.board.ticket" />
            <Both k="queue.board.window" />
          </div>
          {latest ? (
            <ol className="board-list" data-testid="board-called">
              <li
                className={`board-row board-row--latest${lit === latest.number ? ' board-row--lit' : ''}`}
                data-number={latest.number}
                data-window={latest.window}
              >
                <span className="board-number">{latest.number}</span>
                <span className="board-arrow" aria-hidden="true">
                  →
                </span>
                <span className="board-window">{latest.window}</span>
              </li>
              {earlier.map((c) => (
                <li key={c.number} className={`board-row${lit === c.number ? ' board-row--lit' : ''}`} data-number={c.number} data-window={c.window}>
                  <span className="board-number">{c.number}</span>
                  <span className="board-arrow" aria-hidden="true">
                    →
                  </span>
                  <span className="board-window">{c.window}</span>
                </li>
              ))}
            </ol>
          ) : (
            board && (
              <p className="board-empty">
                <Both k="queue.board.noneCalled" />
              </p>
            )
          )}
        </section>

        <aside className="board-next" aria-labelledby="board-next-title">
          <h2 className="board-next-title" id="board-next-title">
            <Both k="queue.board.next" />
          </h2>
          {board && board.next.length > 0 ? (
            <ol className="board-next-list" data-testid="board-next">
              {board.next.map((n) => (
                <li key={n.number} className="board-next-item" data-number={n.number}>
                  {n.number}
                </li>
              ))}
            </ol>
          ) : (
            board && (
              <p className="board-next-empty">
                <Both k="queue.board.noneWaiting" />
              </p>
            )
          )}
          <p className="board-hint">
            <Both k="queue.board.hint" />
          </p>
        </aside>
      </main>

      <footer className="board-footer">
        <HallBranchNotice screen="board" />
        {!soundAllowed && (
          <button type="button" className="board-sound" data-testid="board-sound" onClick={enableSound}>
            {t('queue.board.soundOn')}
          </button>
        )}
        <button type="button" className="board-settings-button" onClick={() => setSettingsOpen(true)}>
          {t('queue.board.settings')}
        </button>
      </footer>

      {settingsOpen && (
        <BoardSettingsDialog
          templates={templates}
          onTry={(next) => {
            enableSound();
            announcer.announce({ number: 'A-015', window: '3' }, next);
          }}
          onClose={() => setSettingsOpen(false)}
          onSave={(next) => {
            saveTemplates(next);
            setTemplates(next);
            setSettingsOpen(false);
          }}
        />
      )}
    </div>
  );
}
