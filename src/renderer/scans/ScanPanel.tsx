/**
 * The applicant's documents as scans, by the act's required documents (Standard item 9): what is
 * still missing stands out, each document shows its pages, and pages are added from a file, by
 * dropping files on the document, from the camera or the scanner. Pages open in a viewer, move
 * earlier or later and are removed — until the request is signed.
 */
import { useEffect, useState } from 'react';
import type { ChecklistItem, ScanView } from '../../shared/scans';
import { on } from '../client/client';
import { describeProblem } from '../i18n/describeProblem';
import { useLocale, useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { CameraDialog } from './CameraDialog';
import { DocumentScans } from './DocumentScans';
import { inViewerOrder, missingItems, signatureState } from './scanLogic';
import { useScans } from './scansStore';
import { useSigning } from './signingStore';
import { ScanViewer } from './ScanViewer';
import './scans.css';

/** The case's scans on screen: loaded, and read again when the core says they changed. */
export function useScansLive(caseId: number): void {
  useEffect(() => useScans.getState().watch(caseId), [caseId]);
  useEffect(() => on('scans.changed', (payload) => useScans.getState().changed(payload.caseId)), []);
}

export function titleOf(item: Pick<ChecklistItem, 'title'> | undefined, locale: 'kk' | 'ru' | 'en', fallback: string): string {
  return item ? item.title[locale] : fallback;
}

interface ScanPanelProps {
  caseId: number;
  /** The first document's "add" takes the focus when the panel opens. */
  autoFocus?: boolean;
}

export function ScanPanel({ caseId, autoFocus }: ScanPanelProps) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  useScansLive(caseId);
  const data = useScans((s) => s.byCase[caseId]);
  const loadProblem = useScans((s) => s.loadProblem);
  const actionProblem = useScans((s) => s.actionProblem);
  const hotFolder = useScans((s) => s.capabilities?.hotFolder ?? null);
  const signature = useSigning((s) => s.signatures[caseId]);
  const { load, remove, dismissActionProblem } = useScans.getState();
  const [viewing, setViewing] = useState<number | null>(null);
  const [removing, setRemoving] = useState<ScanView | null>(null);
  const [camera, setCamera] = useState<ChecklistItem | null>(null);

  if (!data) {
    return (
      <section className="scans" aria-labelledby="scans-title" data-testid="scan-panel">
        <h3 className="section-title" id="scans-title">
          {t('scans.title')}
        </h3>
        {loadProblem ? (
          <div className="notice notice--error" role="alert">
            <p>{describeProblem(t, loadProblem).summary}</p>
            <div>
              <Button variant="quiet" onClick={() => void load(caseId)}>
                {t('action.retry')}
              </Button>
            </div>
          </div>
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </section>
    );
  }

  const required = data.checklist.filter((item) => !item.optional);
  const missing = missingItems(data.checklist);
  const sequence = inViewerOrder(data);
  const viewed = viewing === null ? -1 : sequence.findIndex((s) => s.id === viewing);
  const documentTitle = (documentId: string) => titleOf(data.checklist.find((item) => item.documentId === documentId), locale, documentId);

  return (
    <section className="scans" aria-labelledby="scans-title" data-testid="scan-panel" data-locked={data.locked || undefined}>
      <div className="scans-head">
        <h3 className="section-title" id="scans-title">
          {t('scans.title')}
        </h3>
        <span className={`scans-count${missing.length ? ' scans-count--short' : ''}`} aria-live="polite" data-testid="scans-count">
          {t('scans.count', { scanned: required.length - missing.length, total: required.length })}
        </span>
      </div>
      {data.locked ? (
        <div className="notice notice--info" role="status" data-testid="scans-locked">
          {t('scans.locked')}
        </div>
      ) : signatureState(signature, data.scans) === 'valid' ? (
        <p className="panel-note" data-testid="scans-signed">
          {t('scans.signedNote')}
        </p>
      ) : (
        <p className="panel-note">{t('scans.lead')}</p>
      )}
      {actionProblem && (
        <div className="notice notice--error" role="alert" data-testid="scans-problem">
          <p>{describeProblem(t, actionProblem).summary}</p>
          <div>
            <Button variant="quiet" onClick={dismissActionProblem}>
              {t('action.close')}
            </Button>
          </div>
        </div>
      )}
      <ul className="scan-docs">
        {data.checklist.map((item, index) => (
          <DocumentScans
            key={item.documentId}
            caseId={caseId}
            item={item}
            data={data}
            autoFocus={autoFocus && index === 0}
            onOpen={(scan) => setViewing(scan.id)}
            onRemove={setRemoving}
            onCamera={() => setCamera(item)}
          />
        ))}
      </ul>
      {hotFolder && !data.locked && <p className="panel-note">{t('scans.hotFolder', { folder: hotFolder })}</p>}
      {viewed >= 0 && (
        <ScanViewer
          sequence={sequence}
          index={viewed}
          locked={data.locked}
          documentTitle={documentTitle}
          onIndex={(index) => setViewing(sequence[index]?.id ?? null)}
          onClose={() => setViewing(null)}
        />
      )}
      {removing && (
        <Dialog title={t('scans.removeTitle')} onClose={() => setRemoving(null)}>
          <p>{t('scans.removeText', { n: removing.page, document: documentTitle(removing.documentId) })}</p>
          <div className="dialog-actions">
            <Button onClick={() => setRemoving(null)} shortcut="Esc">
              {t('action.cancel')}
            </Button>
            <Button
              variant="danger"
              data-testid="confirm-remove"
              onClick={() => {
                const scan = removing;
                setRemoving(null);
                void remove(scan);
              }}
            >
              {t('scans.removeConfirm')}
            </Button>
          </div>
        </Dialog>
      )}
      {camera && <CameraDialog caseId={caseId} documentId={camera.documentId} documentTitle={camera.title[locale]} onClose={() => setCamera(null)} />}
    </section>
  );
}
