/**
 * Chooses the one screen the workstation may show now. Each state replaces the others rather than
 * covering them, so a locked or logged-out screen has no personal data left in the page.
 */
import type { ReactNode } from 'react';
import { AppFrame } from '../frame/AppFrame';
import { HallScreen, hallScreenFor } from '../hall/HallScreen';
import { ChangePasswordScreen } from '../session/ChangePasswordScreen';
import { LockScreen } from '../session/LockScreen';
import { LoginScreen } from '../session/LoginScreen';
import { useSession } from '../session/sessionStore';
import { SetupScreen } from '../setup/SetupScreen';
import { StorageProblemScreen } from '../storage/StorageProblemScreen';
import { TrainingBanner } from '../ui/TrainingBanner';
import { StartupScreen } from './StartupScreen';
import { useStatus } from './statusStore';

function CurrentScreen(): ReactNode {
  const { status, problem } = useStatus();
  const { known, session } = useSession();
  if (!status) return <StartupScreen problem={problem} />;
  if (status.storageProblem) return <StorageProblemScreen problem={status.storageProblem} />;
  if (status.firstRun) return <SetupScreen />;
  if (!known) return <StartupScreen problem={null} />;
  if (!session) return <LoginScreen />;
  if (session.locked) return <LockScreen />;
  if (session.operator.mustChangePassword) return <ChangePasswordScreen />;
  return <AppFrame session={session} />;
}

/** The hall's screens (/board, /kiosk) serve the public: no operator logs in on them. */
const hall = hallScreenFor(window.location.pathname);

export function App() {
  const training = useStatus((s) => s.status?.training ?? false);
  return (
    <div className="app">
      {training && <TrainingBanner />}
      {hall ? <HallScreen screen={hall} /> : <CurrentScreen />}
    </div>
  );
}
