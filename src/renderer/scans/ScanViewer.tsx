/**
 * A page at the size the dialog shows it: the core draws it as a JPEG at the asked width,
 * rotated as set. Zoom asks for a wider picture; rotating turns the page for good (until the
 * request is signed); ← and → go through every page of the case.
 */
import { useEffect, useRef, useState } from 'react';
import type { ScanView } from '../../shared/scans';
import { invoke } from '../client/client';
import { toProblem, type Problem } from '../client/problem';
import { describeProblem } from '../i18n/describeProblem';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { ArrowIcon, RotateIcon } from './scanIcons';
import { nextZoom, pagesOf, turned, viewWidth, ZOOMS } from './scanLogic';
import { useScans } from './scansStore';

interface ScanViewerProps {
  sequence: ScanView[];
  index: number;
  locked: boolean;
  documentTitle(documentId: string): string;
  onIndex(index: number): void;
  onClose(): void;
}

interface Shown {
  key: string;
  src: string;
  /** Width over height of the page as drawn. */
  ratio: number;
}

interface Box {
  width: number;
  height: number;
}

export function ScanViewer({ sequence, index, locked, documentTitle, onIndex, onClose }: ScanViewerProps) {
  const t = useT();
  const scan = sequence[index] as ScanView;
  const rotate = useScans((s) => s.rotate);
  const turning = useScans((s) => s.changing.has(scan.id));
  const frame = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState<Box>({ width: 0, height: 0 });
  const [zoom, setZoom] = useState(1);
  const [shown, setShown] = useState<Shown | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const key = `${scan.id}:${scan.rotation}`;
  // Asked at the frame's width (sharp enough for a page that fits by its height too), in steps of
  // 100 px so that resizing the window does not ask again for every pixel.
  const width = box.width ? viewWidth(Math.ceil(box.width / 100) * 100, window.devicePixelRatio || 1, zoom) : 0;

  // The frame has no size until the dialog opens, and changes with the window.
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry && entry.contentRect.width > 0) setBox({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!width) return;
    let current = true;
    setProblem(null);
    invoke('scans.view', { scanId: scan.id, width }).then(
      (page) => current && setShown({ key, src: `data:${page.mime};base64,${page.base64}`, ratio: page.width / Math.max(1, page.height) }),
      (error: unknown) => current && setProblem(toProblem(error)),
    );
    return () => {
      current = false;
    };
  }, [scan.id, key, width]);

  const document = documentTitle(scan.documentId);
  const count = pagesOf(sequence, scan.documentId).length;
  const go = (delta: -1 | 1) => {
    const next = index + delta;
    if (next >= 0 && next < sequence.length) onIndex(next);
  };
  const zoomBy = (direction: 1 | -1) => setZoom((z) => nextZoom(z, direction));
  const turn = (direction: 1 | -1) => {
    if (!locked && !turning) void rotate(scan, turned(scan.rotation, direction));
  };

  // The keys work wherever the focus is in the dialog, even after the button it was on is disabled.
  const keys = useRef({ go, zoomBy });
  keys.current = { go, zoomBy };
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const { go: step, zoomBy: scale } = keys.current;
      const actions: Record<string, () => void> = {
        ArrowLeft: () => step(-1),
        ArrowRight: () => step(1),
        '+': () => scale(1),
        '=': () => scale(1),
        '-': () => scale(-1),
      };
      const action = actions[event.key];
      if (action) {
        event.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const loading = !problem && shown?.key !== key;
  // At 100 % the whole page fits the frame; zoom enlarges it from there.
  const fitWidth = shown ? Math.min(box.width, box.height * shown.ratio) : box.width;
  return (
    <Dialog title={t('viewer.title', { document, n: scan.page, count })} onClose={onClose} wide>
      <div className="viewer" data-testid="scan-viewer" data-scan-id={scan.id} data-rotation={scan.rotation}>
        <div className="viewer-tools">
          <span className="viewer-group">
            <Button icon={<ArrowIcon direction="left" />} shortcut="←" disabled={index === 0} onClick={() => go(-1)} data-testid="viewer-previous">
              {t('viewer.previous')}
            </Button>
            <Button shortcut="→" disabled={index === sequence.length - 1} onClick={() => go(1)} data-testid="viewer-next">
              {t('viewer.next')}
              <ArrowIcon direction="right" />
            </Button>
          </span>
          <span className="viewer-group">
            <Button shortcut="−" disabled={zoom <= ZOOMS[0]} onClick={() => zoomBy(-1)} aria-label={t('viewer.zoomOut')} title={t('viewer.zoomOut')}>
              −
            </Button>
            <span className="viewer-zoom mono" aria-live="polite">
              {Math.round(zoom * 100)}%
            </span>
            <Button shortcut="+" disabled={zoom >= (ZOOMS.at(-1) ?? 3)} onClick={() => zoomBy(1)} aria-label={t('viewer.zoomIn')} title={t('viewer.zoomIn')}>
              +
            </Button>
          </span>
          <span className="viewer-group">
            <Button icon={<RotateIcon direction="left" />} disabled={locked} busy={turning} onClick={() => turn(-1)} aria-label={t('viewer.rotateLeft')} title={locked ? t('scans.locked') : t('viewer.rotateLeft')} data-testid="viewer-rotate-left" />
            <Button icon={<RotateIcon direction="right" />} disabled={locked} busy={turning} onClick={() => turn(1)} aria-label={t('viewer.rotateRight')} title={locked ? t('scans.locked') : t('viewer.rotateRight')} data-testid="viewer-rotate-right" />
          </span>
        </div>
        {scan.type === 'pdf' && scan.pages > 1 && <p className="panel-note">{t('viewer.pdf', { count: scan.pages })}</p>}
        <div className="viewer-frame" ref={frame} aria-busy={loading || undefined}>
          {problem ? (
            <div className="notice notice--error" role="alert">
              {describeProblem(t, problem).summary}
            </div>
          ) : (
            shown && (
              <img
                className={`viewer-page${loading ? ' viewer-page--stale' : ''}`}
                src={shown.src}
                alt={t('viewer.alt', { document, n: scan.page })}
                style={{ width: Math.floor(fitWidth * zoom) }}
                data-testid="viewer-page"
              />
            )
          )}
          {loading && <span className="spinner viewer-spinner" aria-hidden="true" />}
        </div>
        {locked && <p className="panel-note">{t('scans.locked')}</p>}
        <div className="dialog-actions">
          <Button onClick={onClose} shortcut="Esc">
            {t('action.close')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
