/**
 * A document photographed with the counter's camera: a live picture, and each press takes the
 * page as a JPEG and adds it to the document. The camera is the one permission the workstation
 * grants; no camera, or access refused, is said in words.
 */
import { useEffect, useRef, useState } from 'react';
import type { Problem } from '../client/problem';
import { describeProblem } from '../i18n/describeProblem';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { CameraIcon } from './scanIcons';
import { cameraProblem, type CameraProblem } from './scanLogic';
import { useScans } from './scansStore';

interface CameraDialogProps {
  caseId: number;
  documentId: string;
  documentTitle: string;
  onClose(): void;
}

type CameraState = { kind: 'starting' } | { kind: 'live' } | { kind: 'failed'; problem: CameraProblem };

function snapshot(video: HTMLVideoElement): Promise<Blob | null> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
}

export function CameraDialog({ caseId, documentId, documentTitle, onClose }: CameraDialogProps) {
  const t = useT();
  const addFiles = useScans((s) => s.addFiles);
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>({ kind: 'starting' });
  const [taken, setTaken] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let open = true;
    (async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setState({ kind: 'failed', problem: 'camera.none' });
        return;
      }
      try {
        const got = await navigator.mediaDevices.getUserMedia({
          video: { width: { ideal: 2560 }, height: { ideal: 1920 }, facingMode: 'environment' },
          audio: false,
        });
        if (!open) {
          for (const track of got.getTracks()) track.stop();
          return;
        }
        stream = got;
        const element = video.current;
        if (element) {
          element.srcObject = got;
          await element.play().catch(() => undefined);
        }
        setState({ kind: 'live' });
      } catch (error) {
        if (open) setState({ kind: 'failed', problem: cameraProblem(error) });
      }
    })();
    return () => {
      open = false;
      // The camera's light goes off as soon as the dialog closes.
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  // Once the picture is live, Enter or Space takes the page.
  useEffect(() => {
    if (state.kind === 'live') document.querySelector<HTMLButtonElement>('[data-testid="camera-capture"]')?.focus();
  }, [state.kind]);

  async function capture() {
    const element = video.current;
    if (!element || busy || !element.videoWidth) return;
    setBusy(true);
    setProblem(null);
    try {
      const blob = await snapshot(element);
      if (!blob) {
        setState({ kind: 'failed', problem: 'camera.failed' });
        return;
      }
      const name = `camera-${taken + 1}.jpg`;
      const [refused] = await addFiles(caseId, documentId, [{ name, size: blob.size, arrayBuffer: () => blob.arrayBuffer() }], 'camera');
      if (refused) setProblem(refused);
      else setTaken((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  const words = problem ? describeProblem(t, problem) : null;
  return (
    <Dialog title={t('camera.title')} onClose={onClose} wide>
      <p className="panel-note">{t('camera.for', { document: documentTitle })}</p>
      {state.kind === 'failed' ? (
        <div className="notice notice--error" role="alert" data-testid="camera-problem">
          {t(state.problem)}
        </div>
      ) : (
        <div className="camera-frame">
          <video ref={video} className="camera-video" muted playsInline aria-label={t('camera.preview')} data-testid="camera-video" />
          {state.kind === 'starting' && <p className="camera-starting">{t('camera.starting')}</p>}
        </div>
      )}
      {state.kind === 'live' && <p className="panel-note">{t('camera.hint')}</p>}
      {words && (
        <div className="notice notice--error" role="alert">
          {words.fields.content ?? words.summary}
        </div>
      )}
      <div className="dialog-actions camera-actions">
        <span className="camera-taken" aria-live="polite" data-testid="camera-taken">
          {taken > 0 && t('camera.taken', { count: taken })}
        </span>
        <Button onClick={onClose} shortcut="Esc">
          {taken > 0 ? t('camera.done') : t('action.cancel')}
        </Button>
        <Button variant="primary" icon={<CameraIcon />} disabled={state.kind !== 'live'} busy={busy} onClick={() => void capture()} data-testid="camera-capture">
          {t('camera.capture')}
        </Button>
      </div>
    </Dialog>
  );
}
