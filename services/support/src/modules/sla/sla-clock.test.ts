import { describe, expect, it } from 'vitest';
import { computeSlaClock, pauseAfterTransition, pausedSecondsAt, slaOutcomes, type SlaClockInput } from './sla-clock.js';

const opened = new Date('2026-11-24T08:00:00.000Z');
const at = (hours: number, minutes = 0): Date => new Date(opened.getTime() + hours * 3_600_000 + minutes * 60_000);

/** An URGENT-like ticket: 1 h to first response, 8 h to resolution, never paused, nothing done yet. */
const clockInput = (overrides: Partial<SlaClockInput> = {}): SlaClockInput => ({
  openedAt: opened,
  firstResponseMinutes: 60,
  resolutionMinutes: 480,
  pausedSeconds: 0,
  pausedSince: null,
  firstRespondedAt: null,
  firstResponsePausedSeconds: null,
  resolvedAt: null,
  now: at(0, 30),
  ...overrides,
});

describe('pause state on status changes', () => {
  it('starts a pause when the ticket begins waiting on the customer', () => {
    expect(pauseAfterTransition({ pausedSeconds: 0, pausedSince: null }, 'OPEN', 'WAITING_ON_CUSTOMER', at(1))).toEqual({ pausedSeconds: 0, pausedSince: at(1) });
  });

  it('adds the length of the pause when the ticket stops waiting, keeping earlier pauses', () => {
    const resumed = pauseAfterTransition({ pausedSeconds: 600, pausedSince: at(1) }, 'WAITING_ON_CUSTOMER', 'OPEN', at(3));
    expect(resumed).toEqual({ pausedSeconds: 600 + 2 * 3600, pausedSince: null });
  });

  it('ends the pause also when a waiting ticket is resolved directly', () => {
    expect(pauseAfterTransition({ pausedSeconds: 0, pausedSince: at(1) }, 'WAITING_ON_CUSTOMER', 'RESOLVED', at(1, 30))).toEqual({ pausedSeconds: 1800, pausedSince: null });
  });

  it('leaves the pause state alone for changes that neither start nor end waiting', () => {
    expect(pauseAfterTransition({ pausedSeconds: 42, pausedSince: null }, 'NEW', 'OPEN', at(2))).toEqual({ pausedSeconds: 42, pausedSince: null });
  });

  it('counts the running pause up to a given moment, never negatively', () => {
    expect(pausedSecondsAt({ pausedSeconds: 10, pausedSince: at(1) }, at(1, 5))).toBe(310);
    expect(pausedSecondsAt({ pausedSeconds: 10, pausedSince: at(1) }, at(0))).toBe(10);
    expect(pausedSecondsAt({ pausedSeconds: 10, pausedSince: null }, at(5))).toBe(10);
  });
});

describe('SLA clock', () => {
  it('puts the due dates at opening plus the targets while nothing was paused', () => {
    const clock = computeSlaClock(clockInput());
    expect(clock).toEqual({ firstResponseDueAt: at(1), resolutionDueAt: at(8), firstResponseBreached: false, resolutionBreached: false, paused: false });
  });

  it('breaches the first response once the due time passes without an answer, but not the resolution yet', () => {
    const clock = computeSlaClock(clockInput({ now: at(1, 1) }));
    expect(clock.firstResponseBreached).toBe(true);
    expect(clock.resolutionBreached).toBe(false);
  });

  it('is not breached exactly at the due time', () => {
    expect(computeSlaClock(clockInput({ now: at(1) })).firstResponseBreached).toBe(false);
  });

  it('stops the first-response clock at the first answer: an answer in time stays in time', () => {
    const clock = computeSlaClock(clockInput({ firstRespondedAt: at(0, 50), firstResponsePausedSeconds: 0, now: at(5) }));
    expect(clock.firstResponseBreached).toBe(false);
    expect(clock.firstResponseDueAt).toEqual(at(1));
  });

  it('keeps a late first answer breached', () => {
    expect(computeSlaClock(clockInput({ firstRespondedAt: at(2), firstResponsePausedSeconds: 0, now: at(3) })).firstResponseBreached).toBe(true);
  });

  it('settles the first response of a ticket resolved unanswered at its resolution, which later time does not change', () => {
    expect(computeSlaClock(clockInput({ resolvedAt: at(0, 40), now: at(20) })).firstResponseBreached).toBe(false);
    expect(computeSlaClock(clockInput({ resolvedAt: at(1, 20), now: at(20) })).firstResponseBreached).toBe(true);
  });

  it('counts a first answer given only after the resolution from the resolution', () => {
    const clock = computeSlaClock(clockInput({ resolvedAt: at(0, 40), firstRespondedAt: at(3), firstResponsePausedSeconds: 0, now: at(4) }));
    expect(clock.firstResponseBreached).toBe(false);
    expect(clock.firstResponseDueAt).toEqual(at(1));
  });

  it('runs the first-response clock again when a ticket resolved unanswered is reopened (resolvedAt no longer given)', () => {
    expect(computeSlaClock(clockInput({ resolvedAt: null, pausedSeconds: 0, now: at(2) })).firstResponseBreached).toBe(true);
  });

  it('shifts the first-response due date of a ticket resolved unanswered by the pauses before the resolution', () => {
    const clock = computeSlaClock(clockInput({ pausedSeconds: 3600, resolvedAt: at(1, 30), now: at(10) }));
    expect(clock.firstResponseDueAt).toEqual(at(2));
    expect(clock.firstResponseBreached).toBe(false);
  });

  it('stops the resolution clock at resolution', () => {
    expect(computeSlaClock(clockInput({ resolvedAt: at(7), now: at(20) })).resolutionBreached).toBe(false);
    expect(computeSlaClock(clockInput({ resolvedAt: at(9), now: at(20) })).resolutionBreached).toBe(true);
  });

  it('shifts both due dates by ended pauses', () => {
    const clock = computeSlaClock(clockInput({ pausedSeconds: 2 * 3600, now: at(2, 30) }));
    expect(clock.firstResponseDueAt).toEqual(at(3));
    expect(clock.resolutionDueAt).toEqual(at(10));
    expect(clock.firstResponseBreached).toBe(false);
    expect(clock.paused).toBe(false);
  });

  it('stands still while paused: the due dates move with the clock and nothing new is breached', () => {
    // Paused 10 minutes after opening; 5 hours later the first response is still not overdue.
    const clock = computeSlaClock(clockInput({ pausedSince: at(0, 10), now: at(5, 10) }));
    expect(clock.paused).toBe(true);
    expect(clock.firstResponseDueAt).toEqual(at(6));
    expect(clock.resolutionDueAt).toEqual(at(13));
    expect(clock.firstResponseBreached).toBe(false);
    expect(clock.resolutionBreached).toBe(false);
  });

  it('keeps a clock breached before the pause breached during it', () => {
    const clock = computeSlaClock(clockInput({ pausedSince: at(2), now: at(30) }));
    expect(clock.firstResponseBreached).toBe(true);
    expect(clock.resolutionBreached).toBe(false);
  });

  it('runs again after resume, counting only the time not paused (pause then resume, then breach)', () => {
    const pausedAt = pauseAfterTransition({ pausedSeconds: 0, pausedSince: null }, 'OPEN', 'WAITING_ON_CUSTOMER', at(0, 30));
    const resumed = pauseAfterTransition(pausedAt, 'WAITING_ON_CUSTOMER', 'OPEN', at(4, 30));
    expect(resumed.pausedSeconds).toBe(4 * 3600);
    expect(computeSlaClock(clockInput({ ...resumed, now: at(4, 59) })).firstResponseBreached).toBe(false);
    const late = computeSlaClock(clockInput({ ...resumed, now: at(5, 1) }));
    expect(late.firstResponseDueAt).toEqual(at(5));
    expect(late.firstResponseBreached).toBe(true);
  });

  it('shifts the first-response due date only by the pauses before the first answer', () => {
    const clock = computeSlaClock(clockInput({ firstRespondedAt: at(1, 30), firstResponsePausedSeconds: 3600, pausedSeconds: 5 * 3600, now: at(9) }));
    expect(clock.firstResponseDueAt).toEqual(at(2));
    expect(clock.firstResponseBreached).toBe(false);
    expect(clock.resolutionDueAt).toEqual(at(13));
  });
});

describe('SLA outcomes', () => {
  it('is PENDING while a clock runs within its target', () => {
    expect(slaOutcomes(clockInput({ now: at(0, 30) }))).toEqual({ firstResponse: 'PENDING', resolution: 'PENDING' });
  });

  it('is MISSED as soon as a running clock passes its due time, before it stops', () => {
    expect(slaOutcomes(clockInput({ now: at(1, 1) }))).toEqual({ firstResponse: 'MISSED', resolution: 'PENDING' });
    expect(slaOutcomes(clockInput({ firstRespondedAt: at(0, 5), firstResponsePausedSeconds: 0, now: at(8, 1) }))).toEqual({ firstResponse: 'MET', resolution: 'MISSED' });
  });

  it('is MET when a clock stopped exactly at its due time, MISSED one second after', () => {
    expect(slaOutcomes(clockInput({ firstRespondedAt: at(1), firstResponsePausedSeconds: 0, resolvedAt: at(8), now: at(30) }))).toEqual({
      firstResponse: 'MET',
      resolution: 'MET',
    });
    const late = new Date(at(8).getTime() + 1000);
    expect(slaOutcomes(clockInput({ firstRespondedAt: late, firstResponsePausedSeconds: 0, resolvedAt: late, now: at(30) }))).toEqual({
      firstResponse: 'MISSED',
      resolution: 'MISSED',
    });
  });

  it('settles the first response of a ticket resolved unanswered by its resolution time', () => {
    expect(slaOutcomes(clockInput({ resolvedAt: at(0, 45), now: at(30) }))).toEqual({ firstResponse: 'MET', resolution: 'MET' });
    expect(slaOutcomes(clockInput({ resolvedAt: at(2), now: at(30) }))).toEqual({ firstResponse: 'MISSED', resolution: 'MET' });
  });

  it('leaves paused time out: a ticket paused long past its targets is still PENDING, and MET when answered after resuming', () => {
    expect(slaOutcomes(clockInput({ pausedSince: at(0, 30), now: at(40) }))).toEqual({ firstResponse: 'PENDING', resolution: 'PENDING' });
    // Paused 0:30–10:30, answered at 10:45: 45 running minutes, within the hour.
    expect(slaOutcomes(clockInput({ pausedSeconds: 36_000, firstRespondedAt: at(10, 45), firstResponsePausedSeconds: 36_000, now: at(11) })).firstResponse).toBe('MET');
  });
});
