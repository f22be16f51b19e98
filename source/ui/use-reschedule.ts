// + and - change the interval at once: each poll loop learns it (Poller.setInterval), but
// a poll it has already scheduled would still come at the old pace, 10 s after five +,
// however many - came since. When the interval now in force brings a MaxScale's next poll
// forward, this polls it then (the last poll's time plus the new pause), or at once when
// that time has passed. Poller.refresh() drops the old timer, and the poll loop goes on at
// the new interval from that poll. A later poll (a longer interval) is left to the poll
// loop: the poll already scheduled comes, and the new interval applies from it.

import {useEffect, useRef, type RefObject} from 'react';
import type {Poller} from '../api/poller.js';
import type {HostStatus, MonitorState} from '../model/monitor-state.js';
import {nextPoll} from '../model/schedule.js';

type Last = NonNullable<HostStatus['lastPoll']>;

export function useReschedule(pollers: RefObject<Poller[]>, state: MonitorState): void {
	const {hosts, hostOrder, intervalMs, paused, refreshes} = state;
	// Polls whose successor is already on its way (asked for here, or with r): never asked twice.
	const handled = useRef(new WeakSet<Last>());

	useEffect(() => {
		if (refreshes === 0) {
			return;
		}

		// r polls every MaxScale now; the poll it brings replaces each of these.
		for (const host of hostOrder) {
			const last = hosts[host]?.lastPoll;
			if (last !== undefined) {
				handled.current.add(last);
			}
		}
		// Only when r is pressed, not when a poll lands.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [refreshes]);

	useEffect(() => {
		if (paused) {
			return; // Resuming schedules afresh, at the interval in force.
		}

		const now = Date.now();
		const timers: NodeJS.Timeout[] = [];
		// The poll loops are made in the order of hostOrder (one per client, use-monitor.ts).
		for (const [index, poller] of pollers.current.entries()) {
			const status = hosts[hostOrder[index] ?? ''];
			const last = status?.lastPoll;
			// A failing MaxScale keeps its back-off (r retries at once); waitMs says what the loop scheduled.
			if (last?.waitMs === undefined || status?.error !== undefined || handled.current.has(last)) {
				continue;
			}

			const scheduled = last.at + last.waitMs;
			const due = nextPoll(last, intervalMs).at;
			// Not sooner, or the scheduled poll is under way already: the loop has it in hand.
			if (due >= scheduled || now >= scheduled) {
				continue;
			}

			timers.push(
				setTimeout(() => {
					handled.current.add(last);
					poller.refresh();
				}, Math.max(0, due - now)),
			);
		}

		return () => {
			for (const timer of timers) {
				clearTimeout(timer);
			}
		};
	}, [pollers, hosts, hostOrder, intervalMs, paused, refreshes]);
}
