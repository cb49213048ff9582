/**
 * SLA clock arithmetic, in wall-clock time: a ticket's clocks run from its opening and stand still
 * while it waits on the customer. Pure functions, no I/O: the caller passes `now`.
 */

/** The statuses in which the SLA clocks are paused. */
export const PAUSING_STATUS = 'WAITING_ON_CUSTOMER';

/** What a ticket keeps to know how long its clocks were stopped. */
export interface PauseState {
  /** Whole seconds spent paused in pauses that have ended. */
  pausedSeconds: number;
  /** When the current pause began; null while the clocks run. */
  pausedSince: Date | null;
}

/** Seconds paused up to `at`, counting the pause still running (never negative). */
export function pausedSecondsAt(state: PauseState, at: Date): number {
  if (!state.pausedSince) return state.pausedSeconds;
  return state.pausedSeconds + Math.max(0, Math.round((at.getTime() - state.pausedSince.getTime()) / 1000));
}

/**
 * The pause state after a status change from `from` to `to` at `at`: entering
 * WAITING_ON_CUSTOMER starts a pause, leaving it adds the pause's length to `pausedSeconds`.
 */
export function pauseAfterTransition(state: PauseState, from: string, to: string, at: Date): PauseState {
  const wasPaused = from === PAUSING_STATUS;
  const isPaused = to === PAUSING_STATUS;
  if (!wasPaused && isPaused) return { pausedSeconds: state.pausedSeconds, pausedSince: at };
  if (wasPaused && !isPaused) return { pausedSeconds: pausedSecondsAt(state, at), pausedSince: null };
  return { pausedSeconds: state.pausedSeconds, pausedSince: state.pausedSince };
}

export interface SlaClockInput extends PauseState {
  openedAt: Date;
  /** Target for the first response, in minutes from opening. */
  firstResponseMinutes: number;
  /** Target for the resolution, in minutes from opening. */
  resolutionMinutes: number;
  /** When an agent first answered publicly; null until then. */
  firstRespondedAt: Date | null;
  /** Seconds paused before that first answer (frozen when it was given); null until then. */
  firstResponsePausedSeconds: number | null;
  /** When the ticket was resolved, only while it is RESOLVED or CLOSED; null otherwise. */
  resolvedAt: Date | null;
  now: Date;
}

export interface SlaClock {
  firstResponseDueAt: Date;
  resolutionDueAt: Date;
  firstResponseBreached: boolean;
  resolutionBreached: boolean;
  paused: boolean;
}

const MINUTE = 60_000;
const SECOND = 1000;

/**
 * Due dates are the opening time plus the target plus the time paused (up to now while a pause
 * runs, so a paused ticket's due dates move with the clock). A clock is breached when its stop
 * time (or now while it still runs) lies after its due date:
 * - the first-response clock stops at the first answer or, when the ticket was resolved before any
 *   answer came, at the resolution (solving a ticket settles its first response); its due date
 *   counts only the pauses before that stop;
 * - the resolution clock stops at the resolution while the ticket is RESOLVED or CLOSED.
 */
export function computeSlaClock(input: SlaClockInput): SlaClock {
  const opened = input.openedAt.getTime();
  const pausedNow = pausedSecondsAt(input, input.now);
  const answeredFirst = input.firstRespondedAt !== null && (input.resolvedAt === null || input.firstRespondedAt.getTime() <= input.resolvedAt.getTime());
  const [firstResponseStop, firstResponsePaused] = answeredFirst
    ? [input.firstRespondedAt, input.firstResponsePausedSeconds ?? 0]
    : input.resolvedAt
      ? [input.resolvedAt, input.pausedSeconds]
      : [null, pausedNow];
  const resolutionPaused = input.resolvedAt ? input.pausedSeconds : pausedNow;
  const firstResponseDueAt = new Date(opened + input.firstResponseMinutes * MINUTE + firstResponsePaused * SECOND);
  const resolutionDueAt = new Date(opened + input.resolutionMinutes * MINUTE + resolutionPaused * SECOND);
  return {
    firstResponseDueAt,
    resolutionDueAt,
    firstResponseBreached: (firstResponseStop ?? input.now).getTime() > firstResponseDueAt.getTime(),
    resolutionBreached: (input.resolvedAt ?? input.now).getTime() > resolutionDueAt.getTime(),
    paused: input.pausedSince !== null,
  };
}

/**
 * How a ticket's clock fared against its target: MET when it stopped on or before its due time,
 * MISSED when it stopped after it or still runs past it, PENDING while it still runs within it.
 */
export type SlaOutcome = 'MET' | 'MISSED' | 'PENDING';

/** The outcome of both clocks of a ticket at `input.now`, by the same rules as `computeSlaClock`. */
export function slaOutcomes(input: SlaClockInput): { firstResponse: SlaOutcome; resolution: SlaOutcome } {
  const clock = computeSlaClock(input);
  const outcome = (breached: boolean, stopped: boolean): SlaOutcome => (breached ? 'MISSED' : stopped ? 'MET' : 'PENDING');
  return {
    firstResponse: outcome(clock.firstResponseBreached, input.firstRespondedAt !== null || input.resolvedAt !== null),
    resolution: outcome(clock.resolutionBreached, input.resolvedAt !== null),
  };
}
