import type { Operator } from '../../shared/schemas';
import { BranchIndicator } from '../branch/BranchIndicator';
import { LinkIndicator } from '../gateway/LinkIndicator';
import { useT } from '../i18n/localeStore';
import { OperatorBadge } from '../session/OperatorBadge';
import { Brand } from '../ui/Brand';
import { Button } from '../ui/Button';
import { LockIcon, LogoutIcon } from '../ui/icons';
import { LanguageSwitch } from '../ui/LanguageSwitch';

interface FrameHeaderProps {
  operator: Operator;
  onLock(): void;
  onLogout(): void;
  /** Opens the gateway's backlog from the link indicator. */
  onOpenGateway(): void;
}

export function FrameHeader({ operator, onLock, onLogout, onOpenGateway }: FrameHeaderProps) {
  const t = useT();
  return (
    <header className="frame-header">
      <Brand compact />
      <div className="frame-header-end">
        <BranchIndicator />
        <LinkIndicator onOpen={onOpenGateway} />
        <OperatorBadge operator={operator} onDark />
        <LanguageSwitch onDark />
        <Button variant="onDark" shortcut="Ctrl+L" icon={<LockIcon />} onClick={onLock}>
          {t('action.lock')}
        </Button>
        <Button variant="onDark" icon={<LogoutIcon />} onClick={onLogout}>
          {t('action.logout')}
        </Button>
      </div>
    </header>
  );
}
