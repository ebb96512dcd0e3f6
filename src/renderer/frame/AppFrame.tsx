/** The workstation once an operator is in: header, sections on the left, the open section. */
import { useCallback } from 'react';
import type { SessionView } from '../../shared/schemas';
import { AuditView } from '../audit/AuditView';
import { BranchNotice } from '../branch/BranchNotice';
import { useBranchLive } from '../branch/useBranchLive';
import { CasesView } from '../cases/CasesView';
import { useCases } from '../cases/casesStore';
import { ToIssueView } from '../cases/ToIssueView';
import { useCaseEvents } from '../cases/useCaseEvents';
import { BacklogView } from '../gateway/BacklogView';
import { useGatewayLive } from '../gateway/useGatewayLive';
import { HomeView } from '../home/HomeView';
import { OperatorsView } from '../operators/OperatorsView';
import { QueuePanel } from '../queue/QueuePanel';
import { QueueStatsView } from '../queue/QueueStatsView';
import { ReportsView } from '../reports/ReportsView';
import { useActivityTouch } from '../session/activity';
import { useSession } from '../session/sessionStore';
import { SettingsView } from '../settings/SettingsView';
import { TraineeNotice } from '../training/TraineeNotice';
import { TrainerView } from '../training/TrainerView';
import { FrameHeader } from './FrameHeader';
import { Nav } from './Nav';
import { mayWorkCases, sectionsFor, useNav, type Section } from './navStore';
import { useLockShortcut } from './useLockShortcut';
import { useNewCaseShortcut } from './useNewCaseShortcut';

interface SectionViewProps {
  section: Section;
  session: SessionView;
  onNewCase: (() => void) | null;
  onOpenCase: ((caseId: number) => void) | null;
}

function SectionView({ section, session, onNewCase, onOpenCase }: SectionViewProps) {
  switch (section) {
    case 'queue':
      return <QueuePanel onOpenCase={onOpenCase} />;
    case 'queueStats':
      return <QueueStatsView canEditSettings={session.operator.role === 'admin'} />;
    case 'reports':
      return <ReportsView onOpenCase={onOpenCase} />;
    case 'training':
      return <TrainerView />;
    case 'cases':
      return <CasesView />;
    case 'toIssue':
      return onOpenCase && <ToIssueView onOpenCase={onOpenCase} />;
    case 'gateway':
      return <BacklogView onOpenCase={onOpenCase} canRetry={mayWorkCases(session.operator.role)} />;
    case 'operators':
      return <OperatorsView self={session.operator} />;
    case 'audit':
      return <AuditView />;
    case 'settings':
      return <SettingsView />;
    default:
      return <HomeView session={session} onNewCase={onNewCase} />;
  }
}

export function AppFrame({ session }: { session: SessionView }) {
  const { lock, logout } = useSession();
  const { section, go } = useNav();
  const sections = sectionsFor(session.operator.role);
  const open = sections.includes(section) ? section : 'home';
  const lockNow = useCallback(() => void lock().catch(() => {}), [lock]);
  const casesAllowed = mayWorkCases(session.operator.role);
  const newCase = useCallback(() => {
    const from = useNav.getState().section;
    useCases.getState().choose(from === 'cases' ? undefined : () => go(from));
    go('cases');
  }, [go]);
  // The queue's "start service" opens the case it created on the case screen.
  const openCase = useCallback(
    (caseId: number) => {
      useCases.getState().openCase(caseId);
      go('cases');
    },
    [go],
  );
  const goTo = useCallback(
    (target: Section) => {
      // The Cases item always leads to today's list, even from inside a case.
      if (target === 'cases') useCases.getState().showList();
      go(target);
    },
    [go],
  );

  useActivityTouch(session.idleLockSeconds);
  useLockShortcut(lockNow);
  useNewCaseShortcut(casesAllowed ? newCase : null);
  useGatewayLive();
  useBranchLive();
  useCaseEvents(casesAllowed);

  return (
    <div className="frame" data-testid="app-frame">
      <FrameHeader operator={session.operator} onLock={lockNow} onLogout={() => void logout().catch(() => {})} onOpenGateway={() => goTo('gateway')} />
      <BranchNotice />
      <TraineeNotice onOpenCase={casesAllowed ? openCase : null} />
      <div className="frame-body">
        <Nav sections={sections} current={open} onGo={goTo} />
        <main className="frame-main" key={open}>
          <SectionView section={open} session={session} onNewCase={casesAllowed ? newCase : null} onOpenCase={casesAllowed ? openCase : null} />
        </main>
      </div>
    </div>
  );
}
