/** The Cases section: today's list, the service choice, one case, or a document to print. */
import { ServiceChoice } from '../catalog/ServiceChoice';
import { CaseList } from './CaseList';
import { CaseScreen } from './CaseScreen';
import { useCases } from './casesStore';
import { DocumentView } from './DocumentView';

export function CasesView() {
  const screen = useCases((s) => s.screen);
  switch (screen.kind) {
    case 'choose':
      return <ServiceChoice />;
    case 'case':
      return <CaseScreen caseId={screen.caseId} />;
    case 'document':
      return <DocumentView caseId={screen.caseId} kind={screen.document} />;
    default:
      return <CaseList />;
  }
}
