/**
 * The operator signs the request and its scans with their own ЭЦП before forwarding it: through
 * NCALayer, or with a key file (.p12) and its password, which is read for this signature only
 * and never kept. The screen first shows what will be signed; after signing, the signature as
 * the core verified it. When the scans change afterwards, the signature is shown as needing
 * renewal and the request is signed again.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { CaseView } from '../../shared/cases';
import type { SignatureView, SignerInput } from '../../shared/scans';
import type { Problem } from '../client/problem';
import type { MessageKey } from '../i18n/catalog';
import { describeProblem } from '../i18n/describeProblem';
import { useLocale, useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { formatIsoDate, formatMoment } from '../ui/format';
import { ShieldIcon } from './scanIcons';
import { localDate, MAX_KEY_FILE_BYTES, signatureState, shortHash, toBase64, type SignatureState } from './scanLogic';
import { useScans } from './scansStore';
import { useSigning } from './signingStore';
import './scans.css';

const CHECKS = ['chain', 'validity', 'revocation', 'keyUsage', 'iin'] as const;

function SignatureCard({ signature, state }: { signature: SignatureView; state: SignatureState }) {
  const t = useT();
  const badge =
    state === 'valid' ? (
      <span className="badge badge--ok" data-testid="signature-verified">
        <ShieldIcon />
        {t('signing.verified')}
      </span>
    ) : state === 'stale' ? (
      <span className="badge badge--warn">{t('signing.needsRenewal')}</span>
    ) : (
      <span className="badge badge--danger">{t('signing.notVerified')}</span>
    );
  return (
    <div className={`signature signature--${state}`} data-testid="signature" data-state={state}>
      <p className="signature-head">
        <span className="strong">{t('signing.signed')}</span>
        {badge}
      </p>
      <dl className="facts facts--compact signature-facts">
        <dt>{t('signing.subject')}</dt>
        <dd data-testid="signature-subject">{signature.subject}</dd>
        <dt>{t('signing.iin')}</dt>
        <dd className="mono" data-testid="signature-iin">
          {signature.iin}
        </dd>
        <dt>{t('signing.serial')}</dt>
        <dd className="mono">{signature.serialNumber}</dd>
        <dt>{t('signing.issuer')}</dt>
        <dd>{signature.issuer}</dd>
        <dt>{t('signing.validity')}</dt>
        <dd>
          {formatIsoDate(t, localDate(signature.validFrom))} – {formatIsoDate(t, localDate(signature.validTo))}
        </dd>
        <dt>{t('signing.signedAt')}</dt>
        <dd>{formatMoment(t, signature.signedAt)}</dd>
        <dt>{t('signing.via')}</dt>
        <dd>{t(`signing.kind.${signature.signer}`)}</dd>
        <dt>{t('signing.covers')}</dt>
        <dd data-testid="signature-scans">{signature.scans.length}</dd>
      </dl>
      {signature.verified && (
        <p className="signature-checks">
          {t('signing.checks')}{' '}
          {CHECKS.map((check) => (
            <span key={check} className="tag tag--ok">
              ✓ {t(`signing.check.${check}`)}
            </span>
          ))}
        </p>
      )}
      {state === 'stale' && (
        <div className="notice notice--warning" role="status" data-testid="signature-stale">
          {t('signing.stale')}
        </div>
      )}
      {state === 'unverified' && (
        <div className="notice notice--error" role="alert">
          {t('signing.unverifiedText')}
        </div>
      )}
    </div>
  );
}

/** What the signature will cover: the request's data and each scan by its SHA-256. */
function WhatIsSigned({ caseId }: { caseId: number }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const request = useSigning((s) => s.requests[caseId]);
  const problem = useSigning((s) => s.requestProblem);
  const checklist = useScans((s) => s.byCase[caseId]?.checklist);
  const scans = useScans((s) => s.byCase[caseId]?.scans);
  if (!request) return problem ? <div className="notice notice--error" role="alert">{describeProblem(t, problem).summary}</div> : null;
  const title = (documentId: string) => checklist?.find((item) => item.documentId === documentId)?.title[locale] ?? documentId;
  const page = (scanId: number) => scans?.find((s) => s.id === scanId)?.page;
  // In the checklist's order of documents, then by page, as the scans are shown above.
  const rank = (documentId: string) => {
    const at = checklist?.findIndex((item) => item.documentId === documentId) ?? -1;
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  const listed = [...request.scans].sort((a, b) => rank(a.documentId) - rank(b.documentId) || (page(a.scanId) ?? 0) - (page(b.scanId) ?? 0));
  return (
    <div className="signing-what" data-testid="signing-what">
      <p className="field-label">{t('signing.what')}</p>
      <p>{t('signing.request', { number: request.caseNumber })}</p>
      {listed.length ? (
        <ol className="signing-scans">
          {listed.map((scan) => {
            const n = page(scan.scanId);
            return (
              <li key={scan.scanId}>
                <span>
                  {title(scan.documentId)}
                  {n !== undefined && `, ${t('scans.page', { n }).toLocaleLowerCase(locale)}`}
                </span>
                <span className="mono signing-hash" title={`SHA-256 ${scan.sha256}`}>
                  SHA-256 {shortHash(scan.sha256)}
                </span>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="muted">{t('signing.noScans')}</p>
      )}
      <details className="signing-xml">
        <summary>{t('signing.showXml')}</summary>
        <pre className="mono">{request.xml}</pre>
      </details>
    </div>
  );
}

/**
 * The key file: a button in the operator's language (the browser's own file field speaks the
 * browser's), the chosen file's name beside it.
 */
function KeyFileField({ file, error, onChoose }: { file: File | null; error: string | undefined; onChoose(file: File | null): void }) {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <span className="field-label" id={`${id}-label`}>
        {t('signing.keyFile')}
      </span>
      <div className="key-file">
        <Button onClick={() => input.current?.click()} aria-labelledby={`${id}-label ${id}-button`} aria-describedby={`${id}-name ${id}-hint${error ? ` ${id}-error` : ''}`} id={`${id}-button`} data-testid="choose-key-file">
          {t('signing.chooseKeyFile')}
        </Button>
        <span className={`key-file-name${file ? ' mono' : ' muted'}`} id={`${id}-name`} data-testid="key-file-name">
          {file ? file.name : t('signing.noKeyFile')}
        </span>
        <input
          ref={input}
          type="file"
          accept=".p12,.pfx,application/x-pkcs12"
          hidden
          onChange={(event) => {
            onChoose(event.target.files?.[0] ?? null);
            event.target.value = '';
          }}
          data-testid="key-file"
        />
      </div>
      <p className="field-hint" id={`${id}-hint`}>
        {t('signing.keyFileHint')}
      </p>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function SignForm({ view, again }: { view: CaseView; again: boolean }) {
  const t = useT();
  const signers = useSigning((s) => s.requests[view.id]?.signers) ?? ['pkcs12'];
  const sign = useSigning((s) => s.sign);
  const busy = useSigning((s) => s.signing);
  const [kind, setKind] = useState<'pkcs12' | 'ncalayer' | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [fileError, setFileError] = useState<MessageKey | null>(null);
  const [passwordError, setPasswordError] = useState<MessageKey | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const chosen = kind && signers.includes(kind) ? kind : (signers[0] ?? 'pkcs12');
  const radioName = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    let signer: SignerInput;
    if (chosen === 'pkcs12') {
      const noFile = !file ? 'signing.chooseFile' : file.size > MAX_KEY_FILE_BYTES ? 'signing.fileTooLarge' : null;
      const noPassword = password ? null : 'signing.typePassword';
      setFileError(noFile);
      setPasswordError(noPassword);
      if (noFile || noPassword || !file) return;
      signer = { kind: 'pkcs12', container: toBase64(new Uint8Array(await file.arrayBuffer())), password };
    } else {
      signer = { kind: 'ncalayer' };
    }
    const failed = await sign(view.id, view.version, signer);
    // The password is typed for one signature: it goes whatever the answer.
    setPassword('');
    setProblem(failed);
  }

  const words = problem ? describeProblem(t, problem) : null;
  const keyFileError = fileError ? t(fileError) : problem?.code === 'KEY_CONTAINER_INVALID' ? words?.summary : undefined;
  const keyPasswordError = passwordError ? t(passwordError) : problem?.code === 'KEY_PASSWORD_WRONG' ? words?.summary : words?.fields['signer.password'];
  const summary = words && problem?.code !== 'KEY_CONTAINER_INVALID' && problem?.code !== 'KEY_PASSWORD_WRONG' ? words.summary : null;
  return (
    <form className="signing-form" onSubmit={(event) => void submit(event)} noValidate data-testid="signing-form">
      {summary && (
        <div className="notice notice--error" role="alert" data-testid="signing-problem">
          {summary}
        </div>
      )}
      {signers.length > 1 && (
        <fieldset className="radio-row">
          <legend className="field-label">{t('signing.with')}</legend>
          {signers.map((option) => (
            <label key={option} className="check check--toggle">
              <input type="radio" name={radioName} value={option} checked={chosen === option} onChange={() => setKind(option)} data-testid={`signer-${option}`} />
              <span className="check-text">{t(`signing.kind.${option}`)}</span>
            </label>
          ))}
        </fieldset>
      )}
      {chosen === 'pkcs12' ? (
        <div className="form-row">
          <KeyFileField
            file={file}
            error={keyFileError}
            onChoose={(chosen) => {
              setFile(chosen);
              setFileError(null);
            }}
          />
          <Field
            label={t('signing.password')}
            type="password"
            autoComplete="off"
            value={password}
            hint={t('signing.passwordHint')}
            error={keyPasswordError}
            onChange={(event) => {
              setPassword(event.target.value);
              setPasswordError(null);
            }}
            data-testid="key-password"
          />
        </div>
      ) : (
        <p className="panel-note">{t('signing.ncalayerHint')}</p>
      )}
      <div className="form-actions form-actions--start">
        <Button type="submit" variant="primary" busy={busy} data-testid="sign">
          {again ? t('signing.signAgain') : t('signing.sign')}
        </Button>
      </div>
    </form>
  );
}

export function SigningPanel({ view }: { view: CaseView }) {
  const t = useT();
  const caseId = view.id;
  const scans = useScans((s) => s.byCase[caseId]?.scans);
  const signature = useSigning((s) => s.signatures[caseId]);
  const { load, prepare } = useSigning.getState();
  // What will be signed, and whether the signature still holds, follow every change to the scans.
  const fingerprint = scans?.map((s) => `${s.id}:${s.sha256}:${s.rotation}`).join(',') ?? '';
  useEffect(() => {
    void load(caseId);
    void prepare(caseId);
  }, [caseId, fingerprint, load, prepare]);

  const state = signatureState(signature, scans);
  return (
    <section className="signing" aria-labelledby="signing-title" data-testid="signing-panel" data-state={state}>
      <h3 className="section-title" id="signing-title">
        {t('signing.title')}
      </h3>
      {state !== 'valid' && <p className="panel-note">{t('signing.lead')}</p>}
      {signature && <SignatureCard signature={signature} state={state} />}
      {state !== 'valid' && (
        <>
          <WhatIsSigned caseId={caseId} />
          <SignForm view={view} again={Boolean(signature)} />
        </>
      )}
    </section>
  );
}

/** Whether the case may go on: a verified signature covering exactly the scans there are now. */
export function useSignedForForward(caseId: number): boolean {
  const scans = useScans((s) => s.byCase[caseId]?.scans);
  const signature = useSigning((s) => s.signatures[caseId]);
  return signatureState(signature, scans) === 'valid';
}
