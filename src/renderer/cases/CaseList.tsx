/** Today's cases at this counter by status, and any case found by the applicant's IIN or its number. */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { CASE_STATUSES, type CaseStatus, type CaseSummary } from '../../shared/cases';
import { describeProblem } from '../i18n/describeProblem';
import { useLocale, useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { formatIsoDate, formatMoment } from '../ui/format';
import { Notice } from '../ui/Notice';
import { PageHeader } from '../ui/PageHeader';
import { useCases } from './casesStore';
import { StatusBadge } from './StatusBadge';
import { stepLabelById } from './steps';
import { TableHead } from '../ui/TableHead';
import type { MessageKey } from '../i18n/catalog';

interface CaseTableProps {
  cases: CaseSummary[];
  testId: string;
  /** Where a case opens from another section; inside this one, on the case screen. */
  onOpen?: ((caseId: number) => void) | undefined;
}

export function CaseTable({ cases, testId, onOpen }: CaseTableProps) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { regulations, openCase } = useCases();
  const open = onOpen ?? openCase;
  return (
    <div className="table-wrap">
      <table className="table case-table" data-testid={testId}>
        <TableHead
          columns={['number', 'service', 'status', 'step', 'created', 'expected'].map((c) => t(`cases.col.${c}` as MessageKey))}
          actions={t('cases.col.open')}
        />
        <tbody>
          {cases.map((c) => (
            <tr key={c.id} data-case={c.number}>
              <td className="mono nowrap">{c.number}</td>
              <td className="case-table-service">{c.serviceTitle[locale]}</td>
              <td>
                <span className="case-table-status">
                  <StatusBadge status={c.status} />
                  {c.awaitingCollection && <span className="tag tag--warn case-table-collect">{t('collection.tag')}</span>}
                </span>
              </td>
              <td>{stepLabelById(t, regulations[c.regulationId], c.step)}</td>
              <td className="nowrap">{formatMoment(t, c.createdAt)}</td>
              <td>{c.expectedResultDate ? formatIsoDate(t, c.expectedResultDate) : '—'}</td>
              <td className="table-actions">
                <Button variant="quiet" onClick={() => open(c.id)} aria-label={t('cases.openNumber', { number: c.number })}>
                  {t('action.open')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CaseList() {
  const t = useT();
  const { tab, today, found, find, listLoading, listProblem, setTab, loadToday, search, clearFind, choose } = useCases();
  const [typed, setTyped] = useState(find);
  const tabsId = useId();
  const tabs = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void loadToday();
  }, [loadToday]);

  const counts = Object.fromEntries(CASE_STATUSES.map((status) => [status, (today ?? []).filter((c) => c.status === status).length])) as Record<CaseStatus, number>;
  const shown = (today ?? []).filter((c) => c.status === tab);

  function onTabKey(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const index = CASE_STATUSES.indexOf(tab);
    const next = CASE_STATUSES[(index + (event.key === 'ArrowRight' ? 1 : -1) + CASE_STATUSES.length) % CASE_STATUSES.length]!;
    setTab(next);
    tabs.current?.querySelector<HTMLButtonElement>(`[data-status="${next}"]`)?.focus();
  }

  function submitFind(event: FormEvent) {
    event.preventDefault();
    void search(typed);
  }

  return (
    <section data-testid="case-list">
      <PageHeader
        title={t('cases.title')}
        lead={t('cases.lead')}
        actions={
          <Button variant="primary" shortcut="F2" onClick={() => choose()} data-testid="new-case">
            {t('action.newCase')}
          </Button>
        }
      />
      <form className="case-find" onSubmit={submitFind} role="search">
        <label className="field-label" htmlFor={`${tabsId}-find`}>
          {t('cases.find')}
        </label>
        <div className="case-find-row">
          <input
            id={`${tabsId}-find`}
            className="input"
            type="search"
            inputMode="text"
            autoComplete="off"
            spellCheck={false}
            placeholder={t('cases.findPlaceholder')}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && typed) {
                event.preventDefault();
                setTyped('');
                clearFind();
              }
            }}
          />
          <Button type="submit" shortcut="Enter">
            {t('action.find')}
          </Button>
          {found && (
            <Button
              variant="quiet"
              onClick={() => {
                setTyped('');
                clearFind();
              }}
            >
              {t('action.clear')}
            </Button>
          )}
        </div>
      </form>
      {listProblem && <Notice tone="error">{describeProblem(t, listProblem).summary}</Notice>}
      {found ? (
        <div className="case-found" data-testid="case-found">
          <h2 className="section-title">{t('cases.foundTitle', { find, count: found.length })}</h2>
          {found.length ? <CaseTable cases={found} testId="case-found-table" /> : <p className="muted">{t('cases.foundNone')}</p>}
        </div>
      ) : (
        <>
          <div className="tabs" role="tablist" aria-label={t('cases.tabs')} ref={tabs}>
            {CASE_STATUSES.map((status) => (
              <button
                key={status}
                type="button"
                role="tab"
                id={`${tabsId}-${status}`}
                aria-selected={status === tab}
                aria-controls={`${tabsId}-panel`}
                tabIndex={status === tab ? 0 : -1}
                className="tab"
                data-status={status}
                onClick={() => setTab(status)}
                onKeyDown={onTabKey}
              >
                {t(`status.${status}`)}
                <span className="tab-count">{counts[status]}</span>
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`${tabsId}-panel`} aria-labelledby={`${tabsId}-${tab}`}>
            {shown.length > 0 ? (
              <CaseTable cases={shown} testId="case-table" />
            ) : (
              today && !listLoading && <p className="empty-state">{t('cases.empty', { status: t(`status.${tab}`) })}</p>
            )}
          </div>
        </>
      )}
    </section>
  );
}
