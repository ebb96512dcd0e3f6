/**
 * The hall's small word while this workstation is cut off from its branch: the board may not
 * show every window's calls, and the kiosk still issues (the fallback queue numbers the ticket).
 * The board speaks to the hall in both languages, the state language first; the kiosk in its own.
 */
import { translate } from '../i18n/catalog';
import { useT } from '../i18n/localeStore';
import { useBranch } from './branchStore';
import './branch.css';

export function HallBranchNotice({ screen }: { screen: 'board' | 'kiosk' }) {
  const t = useT();
  const offline = useBranch((s) => s.status?.state === 'offline');
  if (!offline) return null;
  return (
    <p className={`hall-branch-notice hall-branch-notice--${screen}`} role="status" data-testid="branch-notice">
      {screen === 'board' ? (
        <>
          <span lang="kk">{translate('kk', 'queue.board.offline')}</span>
          <span lang="ru" className="hall-branch-notice-second">
            {translate('ru', 'queue.board.offline')}
          </span>
        </>
      ) : (
        t('queue.kiosk.offline')
      )}
    </p>
  );
}
