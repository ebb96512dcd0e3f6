/**
 * The hall's screens, each opened by its own address: the display board (/board) and the ticket
 * kiosk (/kiosk). They need no operator at the computer: every call they make is public.
 */
import { BoardPage } from './BoardPage';
import { KioskPage } from './KioskPage';

export type HallScreenName = 'board' | 'kiosk';

export function hallScreenFor(pathname: string): HallScreenName | null {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/board') return 'board';
  if (path === '/kiosk') return 'kiosk';
  return null;
}

export function HallScreen({ screen }: { screen: HallScreenName }) {
  return screen === 'board' ? <BoardPage /> : <KioskPage />;
}
