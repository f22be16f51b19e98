// When the next poll is due, from the last one and the interval in force now: the
// header's "slow polls: next in", the same rule by which the poll loop moves its timer
// after + and - (api/poller.ts setInterval), so what the header promises is what it does.

/**
 * The pause after a poll that took `latencyMs`: the interval, or twice the poll's time when
 * it took more than a third of the interval. The poll loop's own rule (api/poller.ts
 * `pauseAfter`, which the model does not import: it would bring the HTTP client with it);
 * test/model/schedule.test.ts holds the two together.
 */
export function waitAfter(intervalMs: number, latencyMs: number): number {
	return latencyMs > intervalMs / 3 ? Math.max(intervalMs, Math.round(latencyMs * 2)) : intervalMs;
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
