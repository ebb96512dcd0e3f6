/**
 * One of the act's required documents with its pages: a drop target for files, the ways to add
 * a page, and each page as a thumbnail (a PDF as its icon and page count) that opens the viewer,
 * moves one place earlier or later, or is removed.
 */
import { useRef, useState, type DragEvent } from 'react';
import type { CaseScans, ChecklistItem, ScanView } from '../../shared/scans';
import { describeProblem } from '../i18n/describeProblem';
import { useLocale, useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { ArrowIcon, CameraIcon, FileIcon, PdfIcon, RemoveIcon, ScannerIcon } from './scanIcons';
import { formatSize, pagesOf, SCAN_ACCEPT } from './scanLogic';
import { useScans, type UploadRow } from './scansStore';

interface DocumentScansProps {
  caseId: number;
  item: ChecklistItem;
  data: CaseScans;
  autoFocus?: boolean | undefined;
  onOpen(scan: ScanView): void;
  onRemove(scan: ScanView): void;
  onCamera(): void;
}

const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/** After a page moved, the focus follows it: to the same button, or the other one at an end. */
function refocus(scanId: number, direction: 'earlier' | 'later') {
  requestAnimationFrame(() => {
    const page = document.querySelector(`[data-scan-id="${scanId}"]`);
    const same = page?.querySelector<HTMLButtonElement>(`[data-move="${direction}"]`);
    const other = page?.querySelector<HTMLButtonElement>(`[data-move="${direction === 'earlier' ? 'later' : 'earlier'}"]`);
    (same && !same.disabled ? same : other)?.focus();
  });
}

function UploadLine({ row }: { row: UploadRow }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const dismiss = useScans((s) => s.dismissUpload);
  const size = formatSize(t, locale, row.size);
  if (row.state === 'sending') {
    return (
      <li className="scan-upload" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('scans.sending', { name: row.name, size })}
      </li>
    );
  }
  const words = row.problem ? describeProblem(t, row.problem) : null;
  return (
    <li className="scan-upload scan-upload--refused" role="alert" data-testid="scan-refused">
      <span>
        <span className="strong">{t('scans.refused', { name: row.name, size })}</span> {words && (words.fields.content ?? words.summary)}
      </span>
      <Button variant="quiet" onClick={() => dismiss(row.key)}>
        {t('action.close')}
      </Button>
    </li>
  );
}

export function DocumentScans({ caseId, item, data, autoFocus, onOpen, onRemove, onCamera }: DocumentScansProps) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const allUploads = useScans((s) => s.uploads);
  const uploads = allUploads.filter((u) => u.caseId === caseId && u.documentId === item.documentId);
  const changing = useScans((s) => s.changing);
  const scanner = useScans((s) => s.capabilities?.scanner ?? false);
  const scanning = useScans((s) => s.scanning);
  const { addFiles, move, fromScanner } = useScans.getState();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(0);
  const pages = pagesOf(data.scans, item.documentId);
  const title = item.title[locale];
  // The checklist counts pages (a PDF's every page), the strip shows files.
  const missing = !item.optional && item.scans === 0 && pages.length === 0;
  const titleId = `scan-doc-${item.documentId}`;

  function add(files: FileList | null) {
    if (files?.length) void addFiles(caseId, item.documentId, [...files]);
  }

  function shift(scan: ScanView, delta: -1 | 1) {
    void move(caseId, scan, delta).then((moved) => moved && refocus(scan.id, delta < 0 ? 'earlier' : 'later'));
  }

  // Fixed scans take no new page: the drop is not even offered.
  const droppable = (event: DragEvent) => !data.locked && hasFiles(event);
  const classes = ['scan-doc', missing && 'scan-doc--missing', over > 0 && 'scan-doc--over'].filter(Boolean).join(' ');
  return (
    <li
      className={classes}
      aria-labelledby={titleId}
      data-testid="scan-doc"
      data-document={item.documentId}
      data-missing={missing || undefined}
      onDragEnter={(event) => {
        if (!droppable(event)) return;
        event.preventDefault();
        setOver((n) => n + 1);
      }}
      onDragOver={(event) => {
        if (!droppable(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(event) => {
        if (droppable(event)) setOver((n) => Math.max(0, n - 1));
      }}
      onDrop={(event) => {
        if (!droppable(event)) return;
        event.preventDefault();
        setOver(0);
        add(event.dataTransfer.files);
      }}
    >
      <div className="scan-doc-head">
        <p className="scan-doc-title">
          <span className={`scan-doc-mark${item.scans || pages.length ? ' scan-doc-mark--done' : missing ? ' scan-doc-mark--missing' : ''}`} aria-hidden="true" />
          <span className="scan-doc-name">
            <span id={titleId}>{title}</span>
            {item.optional && <span className="tag tag--muted">{t('documents.optional')}</span>}
            {missing ? (
              <span className="tag tag--warn">{t('scans.missingTag')}</span>
            ) : (
              item.scans > 0 && <span className="tag tag--ok">{t('scans.pagesTag', { count: item.scans })}</span>
            )}
          </span>
        </p>
        <div className="scan-doc-actions">
          <Button icon={<FileIcon />} disabled={data.locked} onClick={() => input.current?.click()} autoFocus={autoFocus} aria-label={t('scans.addFor', { document: title })} data-testid="scan-add">
            {t('scans.add')}
          </Button>
          <Button icon={<CameraIcon />} disabled={data.locked} onClick={onCamera} aria-label={t('scans.cameraFor', { document: title })} data-testid="scan-camera">
            {t('scans.camera')}
          </Button>
          {scanner && (
            <Button
              icon={<ScannerIcon />}
              busy={scanning === item.documentId}
              disabled={data.locked || scanning !== null}
              onClick={() => void fromScanner(caseId, item.documentId)}
              aria-label={t('scans.scannerFor', { document: title })}
              data-testid="scan-scanner"
            >
              {scanning === item.documentId ? t('scans.scanning') : t('scans.scanner')}
            </Button>
          )}
          <input
            ref={input}
            type="file"
            multiple
            accept={SCAN_ACCEPT}
            hidden
            data-testid="scan-file"
            onChange={(event) => {
              add(event.target.files);
              // The same file chosen again is a new page, not "no change".
              event.target.value = '';
            }}
          />
        </div>
      </div>
      {pages.length > 0 ? (
        <ol className="scan-pages" aria-label={title}>
          {pages.map((scan, index) => {
            const busy = changing.has(scan.id);
            return (
              <li key={scan.id} className="scan-page" data-testid="scan-page" data-scan-id={scan.id} aria-busy={busy || undefined}>
                <button type="button" className="scan-thumb" onClick={() => onOpen(scan)} aria-label={t('scans.open', { n: scan.page, document: title })} data-testid="scan-open">
                  {scan.thumbnail ? (
                    // The thumbnail is drawn as scanned; the page's turn is shown here.
                    <img src={scan.thumbnail} alt="" draggable={false} className={scan.rotation ? `scan-turn scan-turn--${scan.rotation}` : undefined} />
                  ) : (
                    <span className="scan-thumb-pdf">
                      <PdfIcon />
                      <span>{t('scans.pdfPages', { count: scan.pages })}</span>
                    </span>
                  )}
                </button>
                <div className="scan-page-bar">
                  <span className="scan-page-no">{t('scans.page', { n: scan.page })}</span>
                  <span className="scan-page-tools">
                    <button
                      type="button"
                      className="scan-tool"
                      data-move="earlier"
                      disabled={data.locked || busy || index === 0}
                      onClick={() => shift(scan, -1)}
                      aria-label={t('scans.moveEarlier', { n: scan.page })}
                      title={t('scans.moveEarlier', { n: scan.page })}
                    >
                      <ArrowIcon direction="left" />
                    </button>
                    <button
                      type="button"
                      className="scan-tool"
                      data-move="later"
                      disabled={data.locked || busy || index === pages.length - 1}
                      onClick={() => shift(scan, 1)}
                      aria-label={t('scans.moveLater', { n: scan.page })}
                      title={t('scans.moveLater', { n: scan.page })}
                    >
                      <ArrowIcon direction="right" />
                    </button>
                    <button
                      type="button"
                      className="scan-tool scan-tool--danger"
                      disabled={data.locked || busy}
                      onClick={() => onRemove(scan)}
                      aria-label={t('scans.remove', { n: scan.page })}
                      title={t('scans.remove', { n: scan.page })}
                      data-testid="scan-remove"
                    >
                      <RemoveIcon />
                    </button>
                  </span>
                </div>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="scan-doc-empty">{data.locked ? t('scans.noPages') : `${t('scans.noPages')} — ${t('scans.drop')}`}</p>
      )}
      {over > 0 && (
        <p className="scan-doc-drop" aria-hidden="true">
          {t('scans.dropHere')}
        </p>
      )}
      {uploads.length > 0 && <ul className="scan-uploads">{uploads.map((row) => <UploadLine key={row.key} row={row} />)}</ul>}
    </li>
  );
}
