// When the next poll is due: after a poll, after failures, and from the last one under the
// interval in force now. One module for the poll loop (api/poller.ts), --watch --json
// (batch/run-batch.ts) and the header's "slow polls: next in", so that what the header
// promises is what the loops do.

/**
 * Failures in a row stretch the wait: interval × 2^(n-1), with ±20 % jitter so many sessiontops
 * do not retry in step, and never past the cap (30 s, or the interval when longer): at the cap
 * the jitter only shortens it (QA: `retry in 34s` under the readme's "up to 30 s").
 */
export function backoffMs(intervalMs: number, failures: number, random = Math.random): number {
	if (failures <= 0) {
		return intervalMs;
	}

	const capMs = Math.max(intervalMs, 30_000);
	const base = Math.min(capMs, intervalMs * 2 ** Math.min(failures - 1, 16));
	const jittered = base < capMs ? base * (0.8 + random() * 0.4) : capMs * (0.8 + random() * 0.2);
	return Math.round(Math.min(capMs, jittered));
}

/**
 * Be gentle on a busy MaxScale: the pause after a poll that took `latencyMs` is the
 * interval, or twice the poll's time when that is longer (a poll past half the interval), so
 * that polls take at most half of MaxScale's time. (It said "past a third", which changed
 * nothing: twice a poll under half the interval is under the interval. Review.)
 */
export function waitAfter(intervalMs: number, latencyMs: number): number {
	return Math.max(intervalMs, Math.round(latencyMs * 2));
}

/**
 * The next poll under `intervalMs`: the last poll's time plus the pause. `slow` only when
 * slow polls stretched the pause past the interval, not when the interval just changed
 * under a pause worked out for the old one.
 */
export function nextPoll(last: {at: number; latencyMs: number}, intervalMs: number): {at: number; slow: boolean} {
	const wait = waitAfter(intervalMs, last.latencyMs);
	return {at: last.at + wait, slow: wait > intervalMs};
}

/**
 * The time between two polls (ms): by the monotonic clock when both carry it (performance.now()
 * as they came: a wall clock stepped an hour forward made a 3,600 s gap that read the churn as
 * +0/s for five polls, QA), else by their wall-clock times.
 */
export function pollGapMs(before: {mono?: number}, after: {mono?: number}, wallMs: number): number {
	return before.mono !== undefined && after.mono !== undefined ? after.mono - before.mono : wallMs;
}

/** How long until a stretched next poll (`nextPoll`), to the tenth of a second, for "next in"; 0 once it is due. */
export function dueIn(next: {at: number}, now: number): number {
	return Math.max(0, Math.round((next.at - now) / 100) * 100);
}

/** Past its time by this much, an answer is clearly late (or by twice the last poll's time, when longer). */
const clearlyLateMs = 2000;

/**
 * How late the answer to a poll is (ms), once it is clearly late: a MaxScale that accepts the
 * request and never answers showed "ok" until the timeout (10 s by default) while its rows
 * aged. Late is past the next poll's time by 2 s, or by twice the last poll's time when that
 * is longer (a list of 100,000 sessions takes a second or two every time).
 */
export function lateMs(last: {at: number; latencyMs: number; mono?: number}, intervalMs: number, now: number, monoNow?: number): number | undefined {
	// By the monotonic clock when there is one: a wall clock stepped an hour forward read "no
	// answer for 59m56s" of a MaxScale answering every 5 s (QA).
	const late = last.mono !== undefined && monoNow !== undefined ? monoNow - last.mono - waitAfter(intervalMs, last.latencyMs) : now - nextPoll(last, intervalMs).at;
	return late > Math.max(clearlyLateMs, 2 * last.latencyMs) ? late : undefined;
}

/**
 * How late the first answer is (ms), once clearly late: with no poll before it, its time is when
 * polling began, and no poll's time stretches the 2 s (lateMs). A MaxScale that took the first
 * request and never answered read "connecting…" for the whole timeout (QA: 20 s with -t 20s).
 */
export function firstLateMs(since: {at: number; mono?: number}, now: number, monoNow?: number): number | undefined {
	const late = since.mono !== undefined && monoNow !== undefined ? monoNow - since.mono : now - since.at;
	return late > clearlyLateMs ? late : undefined;
}

/**
 * The retry countdown as the header and the host line say it (`retry in 8s`, `retry 8s`), or,
 * once it has run out and the attempt is under way, `retrying…`: `retry 0s` reads as stuck.
 */
export function retryCountdown(retryAt: number, now: number, prefix: 'retry in' | 'retry'): string {
	const seconds = Math.ceil((retryAt - now) / 1000);
	return seconds > 0 ? `${prefix} ${seconds}s` : 'retrying…';
}
