/** The contract's shapes for the electronic queue: tickets, windows, the board, statistics. */
import { z } from 'zod';
import { DocumentLocale } from './cases';
import { Text } from './regulation';
import { Id, IsoTime } from './schemas';

export const TICKET_STATES = ['waiting', 'called', 'serving', 'done', 'noShow', 'unserved'] as const;
export const TicketState = z.enum(TICKET_STATES);
export type TicketState = z.infer<typeof TicketState>;

export const Group = z.string().regex(/^[A-Z]$/, 'queue.group');
export const WindowName = z.string().trim().min(1).max(4).regex(/^[0-9A-Za-zА-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі-]+$/, 'queue.window');
/** A barrier-free category id from the queue settings (disability, elderly, pregnant, infant …). */
export const PriorityCategory = z.string().regex(/^[a-z][a-zA-Z]{1,30}$/, 'queue.priority');

export const Ticket = z.object({
  id: Id,
  number: z.string(),
  group: z.string(),
  priority: z.string().nullable(),
  regulationId: z.string().nullable(),
  state: TicketState,
  window: z.string().nullable(),
  recalls: z.number().int(),
  issuedAt: IsoTime,
  calledAt: IsoTime.nullable(),
  serviceStartedAt: IsoTime.nullable(),
  finishedAt: IsoTime.nullable(),
  caseId: z.number().int().nullable(),
  transfers: z.number().int(),
  version: z.number().int(),
});
export type Ticket = z.infer<typeof Ticket>;

/** What the printed ticket says. */
export const TicketPrint = z.object({
  ticket: Ticket,
  peopleAhead: z.number().int(),
  estimatedWaitMinutes: z.number().int(),
});
export type TicketPrint = z.infer<typeof TicketPrint>;

export const QueueSettings = z.object({
  priorityCategories: z.array(PriorityCategory).max(10),
  /** At most this many priority calls in a row while a regular ticket waits. */
  maxPriorityStreak: z.number().int().min(1).max(20),
  /** A called ticket becomes a no-show after this many recalls… */
  recallsBeforeNoShow: z.number().int().min(1).max(10),
  /** …or this long after the first call with nobody coming. */
  noShowAfterSeconds: z.number().int().min(30).max(1800),
});
export type QueueSettings = z.infer<typeof QueueSettings>;

export const WindowView = z.object({
  window: z.string(),
  groups: z.array(z.string()),
  paused: z.boolean(),
  current: Ticket.nullable(),
});
export type WindowView = z.infer<typeof WindowView>;

export const QueueOverview = z.object({
  day: z.string(),
  window: WindowView.nullable(),
  waiting: z.array(z.object({ group: z.string(), regular: z.number().int(), priority: z.number().int() })),
  tickets: z.array(Ticket),
});

export const BoardView = z.object({
  day: z.string(),
  called: z.array(z.object({ number: z.string(), window: z.string(), calledAt: IsoTime, recalls: z.number().int() })),
  next: z.array(z.object({ number: z.string(), group: z.string(), priority: z.boolean() })),
});
export type BoardView = z.infer<typeof BoardView>;

export const KioskGroup = z.object({ group: z.string(), services: z.array(z.object({ regulationId: z.string(), title: Text })) });

/** A day's queue figures for a set of tickets: the counter's own, or the branch's (branch/wire.ts). */
export const QueueFigures = z.object({
  issued: z.number().int(),
  served: z.number().int(),
  noShow: z.number().int(),
  unserved: z.number().int(),
  waitMeanSeconds: z.number().nullable(),
  waitP90Seconds: z.number().nullable(),
  serviceMeanSeconds: z.number().nullable(),
  serviceP90Seconds: z.number().nullable(),
});
export const QueueStats = z.object({
  day: z.string(),
  total: QueueFigures,
  byGroup: z.array(QueueFigures.extend({ group: z.string() })),
  byOperator: z.array(QueueFigures.extend({ operatorId: z.number().int(), operatorName: z.string() })),
});
export type QueueStats = z.infer<typeof QueueStats>;

const TicketRef = z.strictObject({ ticketId: Id, version: z.number().int().min(0) });
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date.format');

export const queueInputs = {
  issue: z.strictObject({ group: Group, regulationId: z.string().min(1).max(80).optional(), priority: PriorityCategory.nullable() }),
  setWindow: z.strictObject({ window: WindowName, groups: z.array(Group).min(1).max(26) }),
  ticket: TicketRef,
  callTicket: z.strictObject({ ticketId: Id }),
  startService: TicketRef.extend({ regulationId: z.string().min(1).max(80), documentLocale: DocumentLocale }),
  transfer: TicketRef.extend({ toGroup: Group.optional(), toWindow: WindowName.optional() }).refine(
    (t) => (t.toGroup === undefined) !== (t.toWindow === undefined),
    { message: 'queue.transferTarget', path: ['toGroup'] },
  ),
  day: z.strictObject({ day: IsoDay.optional() }),
  /** A board shows every window, or the ones it is set to (a hall with two boards). */
  board: z.strictObject({ windows: z.array(WindowName).min(1).max(60).optional() }),
};
