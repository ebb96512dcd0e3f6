/**
 * A document for the applicant as an A4 page: the receipt, a refusal notice, the issuance record.
 * Its words come from the core in the applicant's language; printing shows only the page.
 */
import { useEffect } from 'react';
import type { DocumentKind, PrintedDocument } from '../../shared/cases';
import { useStatus } from '../app/statusStore';
import { translate } from '../i18n/catalog';
import { describeProblem } from '../i18n/describeProblem';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { PdfButton } from '../reports/PdfButton';
import { documentKey, useCases } from './casesStore';

function Page({ doc, training }: { doc: PrintedDocument; training: boolean }) {
  const l = doc.locale;
  return (
    <article className="doc-page" lang={l} data-testid="document-page" data-kind={doc.kind}>
      {training && <p className="doc-training">{translate(l, 'document.trainingMark')}</p>}
      <header className="doc-header">
        <p className="doc-subtitle">{doc.subtitle}</p>
        <h1 className="doc-title">{doc.title}</h1>
        {doc.pending && <p className="doc-pending">{translate(l, 'document.pending')}</p>}
      </header>
      <table className="doc-fields">
        <tbody>
          {doc.fields.map((field) => (
            <tr key={field.label}>
              <th scope="row">{field.label}</th>
              <td>{field.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {doc.list && (
        <section className="doc-list">
          <h2>{doc.list.heading}</h2>
          <ol>
            {doc.list.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ol>
        </section>
      )}
      {doc.paragraphs.map((paragraph) => (
        <p key={paragraph} className="doc-paragraph">
          {paragraph}
        </p>
      ))}
      <footer className="doc-signatures">
        {doc.signatures.map((signature) => (
          <div key={signature} className="doc-signature">
            <span className="doc-signature-line" />
            <span className="doc-signature-label">{signature}</span>
          </div>
        ))}
      </footer>
    </article>
  );
}

export function DocumentView({ caseId, kind }: { caseId: number; kind: DocumentKind }) {
  const t = useT();
  const { documents, documentProblem, loadDocument, openCase, current } = useCases();
  const trainingWorkstation = useStatus((s) => s.status?.training ?? false);
  const doc = documents[documentKey(caseId, kind)];
  const back = () => openCase(caseId);

  useEffect(() => {
    if (!useCases.getState().documents[documentKey(caseId, kind)]) void loadDocument(caseId, kind);
  }, [caseId, kind, loadDocument]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !document.querySelector('dialog[open]')) {
        event.preventDefault();
        openCase(caseId);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [caseId, openCase]);

  return (
    <section className="document-view" data-testid="document-view" data-kind={kind}>
      <div className="doc-toolbar">
        <div>
          <h1 className="page-title">{t(`document.${kind}`)}</h1>
          <p className="page-lead">{doc ? t(`document.lead.${doc.locale}`) : t('app.loading')}</p>
        </div>
        <div className="page-actions">
          <Button onClick={back} shortcut="Esc">
            {t('document.back')}
          </Button>
          {/* The same document rendered by the core with the bundled font, stored with the case: A4 or the 80 mm receipt printer. */}
          {(['a4', 'thermal80'] as const).map((paper) => (
            <PdfButton
              key={paper}
              label={t(paper === 'a4' ? 'print.pdfA4' : 'print.pdfThermal')}
              disabled={!doc}
              testId={`pdf-${paper}`}
              call="cases.documentPdf"
              input={{ caseId, kind, paper }}
            />
          ))}
          {/* Mounted again once the page is there, so the focus lands on Print. */}
          <Button key={doc ? 'ready' : 'loading'} variant="primary" shortcut="Ctrl+P" autoFocus disabled={!doc} onClick={() => window.print()} data-testid="print">
            {t('action.print')}
          </Button>
        </div>
      </div>
      {documentProblem && <Notice tone="error">{describeProblem(t, documentProblem).summary}</Notice>}
      {doc && (
        <div className="doc-sheet">
          <Page doc={doc} training={trainingWorkstation || (current?.id === caseId && current.training)} />
        </div>
      )}
    </section>
  );
}
