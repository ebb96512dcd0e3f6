/** The workstation once an operator is in: header, sections on the left, the open section. */
import { useCallback } from 'react';
import type { SessionView } from '../../shared/schemas';
import { AuditView } from '../audit/AuditView';
import { HomeView } from '../home/HomeView';
import { OperatorsView } from '../operators/OperatorsView';
import { useActivityTouch } from '../session/activity';
import { useSession } from '../session/sessionStore';
import { SettingsView } from '../settings/SettingsView';
import { FrameHeader } from './FrameHeader';
import { Nav } from './Nav';
import { sectionsFor, useNav, type Section } from './navStore';
import { useLockShortcut } from './useLockShortcut';

function SectionView({ section, session }: { section: Section; session: SessionView }) {
  switch (section) {
    case 'operators':
      return <OperatorsView self={session.operator} />;
    case 'audit':
      return <AuditView />;
    case 'settings':
      return <SettingsView />;
    default:
      return <HomeView session={session} />;
  }
}

export function AppFrame({ session }: { session: SessionView }) {
  const { lock, logout } = useSession();
  const { section, go } = useNav();
  const sections = sectionsFor(session.operator.role);
  const open = sections.includes(section) ? section : 'home';
  const lockNow = useCallback(() => void lock().catch(() => {}), [lock]);

  useActivityTouch(session.idleLockSeconds);
  useLockShortcut(lockNow);

  return (
    <div className="frame" data-testid="app-frame">
      <FrameHeader operator={session.operator} onLock={lockNow} onLogout={() => void logout().catch(() => {})} />
      <div className="frame-body">
        <Nav sections={sections} current={open} onGo={go} />
        <main className="frame-main" key={open}>
          <SectionView section={open} session={session} />
        </main>
      </div>
    </div>
  );
}
