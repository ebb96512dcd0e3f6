/**
 * The words of an exported report, in the supervisor's language. Kept in the core (the export is
 * made here, not on the screen) and worded as the report screen words them.
 */
import type { CaseStatus } from '../../../shared/cases';
import type { NormUnit } from '../../../shared/regulation';

export type ExportLocale = 'kk' | 'ru' | 'en';

export interface ExportLabels {
  title: string;
  period: string;
  generatedAt: string;
  scope: { counter: string; branch: string };
  filters: string;
  group: string;
  service: string;
  operator: string;
  all: string;
  training: string;
  total: string;
  count: string;
  share: string;
  seconds: string;
  sections: { norms: string; breaches: string; cases: string; refusals: string; survey: string; queue: string };
  norms: { step: string; norm: string; count: string; median: string; p90: string; breaches: string };
  breaches: { case: string; step: string; startedAt: string; endedAt: string; dueAt: string; over: string; open: string; cut: string };
  cases: { byStatus: string; status: string; byService: string; byOperator: string; refused: string; issued: string; breaches: string; cases: string };
  refusals: { byReason: string; reason: string; byAct: string };
  survey: { answered: string; question: string; answer: string };
  queue: {
    issued: string; served: string; noShow: string; unserved: string;
    waitMedian: string; waitP90: string; serviceMedian: string; serviceP90: string;
    byGroup: string; byOperator: string; byDay: string; day: string;
  };
  status: Record<CaseStatus, string>;
  questions: { processQuality: string; informationQuality: string };
  answers: { 1: string; 2: string; 3: string };
  units: Record<NormUnit, string>;
}

export const LABELS: Record<ExportLocale, ExportLabels> = {
  kk: {
    title: 'Басшының есебі',
    period: 'Кезең',
    generatedAt: 'Есеп жасалды',
    scope: { counter: 'Осы жұмыс орнының деректері', branch: 'Бүкіл бөлімшенің деректері' },
    filters: 'Сүзгілер',
    group: 'Кезек тобы',
    service: 'Қызмет',
    operator: 'Оператор',
    all: 'барлығы',
    training: 'ОҚУ РЕЖИМІ — нақты деректер емес',
    total: 'Барлығы',
    count: 'Саны',
    share: 'Үлесі',
    seconds: 'с',
    sections: { norms: 'Нормалар', breaches: 'Нормадан асу', cases: 'Өтініштер', refusals: 'Бас тартулар', survey: 'Сауалнама', queue: 'Кезек' },
    norms: { step: 'Қадам', norm: 'Норма', count: 'Аяқталды', median: 'Медиана, с', p90: '90-процентиль, с', breaches: 'Нормадан асқан' },
    breaches: { case: 'Өтініш', step: 'Қадам', startedAt: 'Басталды', endedAt: 'Аяқталды', dueAt: 'Норма бойынша мерзімі', over: 'Асқаны, с', open: 'әлі аяқталған жоқ', cut: 'Ең ұзақ {shown} көрсетілді, барлығы {total}' },
    cases: { byStatus: 'Мәртебесі бойынша', status: 'Мәртебесі', byService: 'Қызметтер бойынша', byOperator: 'Операторлар бойынша', refused: 'Бас тартылды', issued: 'Нәтиже берілді', breaches: 'Нормадан асу', cases: 'Өтініштер' },
    refusals: { byReason: 'Себебі бойынша', reason: 'Себебі', byAct: 'Акт бойынша' },
    survey: { answered: 'Жауап бергендер', question: 'Сұрақ', answer: 'Жауап' },
    queue: {
      issued: 'Берілді', served: 'Қызмет көрсетілді', noShow: 'Келмеді', unserved: 'Қызмет көрсетілмеді',
      waitMedian: 'Күту, медиана, с', waitP90: 'Күту, 90-процентиль, с', serviceMedian: 'Қызмет көрсету, медиана, с', serviceP90: 'Қызмет көрсету, 90-процентиль, с',
      byGroup: 'Топтар бойынша', byOperator: 'Операторлар бойынша', byDay: 'Күндер бойынша', day: 'Күн',
    },
    status: { inProgress: 'Орындалуда', waitingTarget: 'Жүйенің жауабын күтуде', refused: 'Бас тартылды', resultReady: 'Нәтиже дайын', issued: 'Берілді' },
    questions: { processQuality: 'Үдеріс пен нәтиженің сапасы', informationQuality: 'Ақпарат сапасы' },
    answers: { 1: 'қанағаттандырған жоқ', 2: 'жартылай қанағаттандырды', 3: 'қанағаттандырды' },
    units: { seconds: 'секунд', minutes: 'минут', hours: 'сағат', workingDays: 'жұмыс күні', calendarDays: 'күнтізбелік күн' },
  },
  ru: {
    title: 'Отчёт руководителя',
    period: 'Период',
    generatedAt: 'Отчёт составлен',
    scope: { counter: 'Данные этого рабочего места', branch: 'Данные всего отделения' },
    filters: 'Фильтры',
    group: 'Группа очереди',
    service: 'Услуга',
    operator: 'Оператор',
    all: 'все',
    training: 'УЧЕБНЫЙ РЕЖИМ — не реальные данные',
    total: 'Всего',
    count: 'Количество',
    share: 'Доля',
    seconds: 'с',
    sections: { norms: 'Нормы', breaches: 'Превышения', cases: 'Обращения', refusals: 'Отказы', survey: 'Анкета', queue: 'Очередь' },
    norms: { step: 'Шаг', norm: 'Норма', count: 'Завершено', median: 'Медиана, с', p90: '90-й процентиль, с', breaches: 'Сверх нормы' },
    breaches: { case: 'Обращение', step: 'Шаг', startedAt: 'Начат', endedAt: 'Завершён', dueAt: 'Срок по норме', over: 'Превышение, с', open: 'ещё не завершён', cut: 'Показаны {shown} самых долгих из {total}' },
    cases: { byStatus: 'По статусам', status: 'Статус', byService: 'По услугам', byOperator: 'По операторам', refused: 'Отказано', issued: 'Результат выдан', breaches: 'Превышения', cases: 'Обращения' },
    refusals: { byReason: 'По причинам', reason: 'Причина', byAct: 'По регламентам' },
    survey: { answered: 'Ответили', question: 'Вопрос', answer: 'Ответ' },
    queue: {
      issued: 'Выдано', served: 'Обслужено', noShow: 'Не явились', unserved: 'Не обслужено',
      waitMedian: 'Ожидание, медиана, с', waitP90: 'Ожидание, 90-й процентиль, с', serviceMedian: 'Обслуживание, медиана, с', serviceP90: 'Обслуживание, 90-й процентиль, с',
      byGroup: 'По группам', byOperator: 'По операторам', byDay: 'По дням', day: 'День',
    },
    status: { inProgress: 'В работе', waitingTarget: 'Ждёт ответа системы', refused: 'Отказано', resultReady: 'Результат готов', issued: 'Выдано' },
    questions: { processQuality: 'Качество процесса и результата', informationQuality: 'Качество информации' },
    answers: { 1: 'не удовлетворило', 2: 'частично удовлетворило', 3: 'удовлетворило' },
    units: { seconds: 'секунд', minutes: 'минут', hours: 'часов', workingDays: 'рабочих дней', calendarDays: 'календарных дней' },
  },
  en: {
    title: "Supervisor's report",
    period: 'Period',
    generatedAt: 'Generated',
    scope: { counter: "This workstation's data", branch: "The whole branch's data" },
    filters: 'Filters',
    group: 'Queue group',
    service: 'Service',
    operator: 'Operator',
    all: 'all',
    training: 'TRAINING MODE — not real data',
    total: 'Total',
    count: 'Count',
    share: 'Share',
    seconds: 's',
    sections: { norms: 'Norms', breaches: 'Breaches', cases: 'Cases', refusals: 'Refusals', survey: 'Survey', queue: 'Queue' },
    norms: { step: 'Step', norm: 'Norm', count: 'Completed', median: 'Median, s', p90: '90th percentile, s', breaches: 'Over the norm' },
    breaches: { case: 'Case', step: 'Step', startedAt: 'Started', endedAt: 'Ended', dueAt: 'Due by the norm', over: 'Over by, s', open: 'not finished yet', cut: 'The {shown} longest of {total} shown' },
    cases: { byStatus: 'By status', status: 'Status', byService: 'By service', byOperator: 'By operator', refused: 'Refused', issued: 'Result issued', breaches: 'Breaches', cases: 'Cases' },
    refusals: { byReason: 'By reason', reason: 'Reason', byAct: 'By act' },
    survey: { answered: 'Answered', question: 'Question', answer: 'Answer' },
    queue: {
      issued: 'Issued', served: 'Served', noShow: 'No-show', unserved: 'Unserved',
      waitMedian: 'Wait, median, s', waitP90: 'Wait, 90th percentile, s', serviceMedian: 'Service, median, s', serviceP90: 'Service, 90th percentile, s',
      byGroup: 'By group', byOperator: 'By operator', byDay: 'By day', day: 'Day',
    },
    status: { inProgress: 'In progress', waitingTarget: 'Waiting for the system', refused: 'Refused', resultReady: 'Result ready', issued: 'Issued' },
    questions: { processQuality: 'Process and result', informationQuality: 'Information' },
    answers: { 1: 'not satisfied', 2: 'partly satisfied', 3: 'satisfied' },
    units: { seconds: 'seconds', minutes: 'minutes', hours: 'hours', workingDays: 'working days', calendarDays: 'calendar days' },
  },
};
