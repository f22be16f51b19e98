// What a jump in a replay cannot take from the lists it rebuilds: the open/close rates and
// the services' sparklines. Stepping one frame forward is a poll, as live, and they build
// up poll by poll; a jump (a step back, `[`, a new run) shows each MaxScale's last list of
// the run up to the frame (replay.ts), from which alone the rates read 0 and every
// sparkline is one sample. Here they are counted from the run's frames before it, as those
// polls made them (test/model/replay-changes.test.ts walks and jumps, and compares).

import type {Frame} from './frame.js';
import {gapped, historyLength, nextHistory, ratesOf, showsRestart, windowPolls, type Changes} from './changes.js';
import {pollGapMs} from './schedule.js';
import {sameSession} from './session.js';
import {Tally} from './tally.js';

type Ok = Extract<Frame, {ok: true}>;

/** Sessions per service in one frame's list: counted once per frame however often the replay jumps. */
const countsOf = new WeakMap<Ok, ReadonlyMap<string, number>>();

function serviceCounts(frame: Ok): ReadonlyMap<string, number> {
	let counts = countsOf.get(frame);
	if (counts === undefined) {
		const tally = new Tally();
		for (const session of frame.sessions) {
			tally.add(session.service);
		}

		counts = new Map(tally.entries());
		countsOf.set(frame, counts);
	}

	return counts;
}

/**
 * One host's poll after its previous one: what trackChanges counts (changes.ts), and whether
 * it shows the MaxScale restarted (changes.ts showsRestart, as the live poll asks), after which
 * its rates start afresh (changes.ts afterRestart).
 */
function sample(before: Ok, after: Ok): {opened: number; closed: number; seconds: number; restarted: boolean} {
	const was = new Map(before.sessions.map((session) => [session.key, session]));
	const is = new Set(after.sessions.map((session) => session.key));
	let opened = 0;
	// Each key once: a list with a key twice ended it once.
	let closed = 0;
	let replacedAny = false;
	for (const session of after.sessions) {
		const earlier = was.get(session.key);
		// Another session under an earlier one's id: that one ended, this one opened.
		const replaced = earlier !== undefined && !sameSession(earlier, session);
		opened += earlier === undefined || replaced ? 1 : 0;
		closed += replaced ? 1 : 0;
		replacedAny ||= replaced;
	}

	let kept = 0;
	for (const key of was.keys()) {
		closed += is.has(key) ? 0 : 1;
		kept += is.has(key) ? 1 : 0;
	}

	const restarted = showsRestart(replacedAny, was.size, after.sessions.length, kept > 0);
	// By the recording's monotonic times when both polls have them, as live (schedule.ts).
	return {opened, closed, seconds: Math.max(0.001, pollGapMs(before, after, after.t - before.t) / 1000), restarted};
}

/**
 * The window, rates and history after the frames `from`..`index` (one run) were polled one
 * by one. `keyOf` names a frame's host as the state does (hostKey). The history goes back
 * twice its length: a service's samples start where it last came back after a whole window
 * at zero, and within that much every such return is seen. `hostCount`: the MaxScales the
 * replay shows, none sampled before each has answered.
 */
export function replayedChanges(frames: readonly Frame[], from: number, index: number, keyOf: (host: string) => string, hostCount = 1): Pick<Changes, 'window' | 'rates' | 'history'> {
	const oks: Ok[] = [];
	// Each host's last polls, and whether it failed before each: one more than the window's
	// samples need, so that the first sample kept knows the gap before it (changes.ts gapped).
	const byHost = new Map<string, Array<{frame: Ok; failedBefore: boolean}>>();
	const failing = new Set<string>();
	for (let i = from; i <= index && i < frames.length; i++) {
		const frame = frames[i]!;
		const key = keyOf(frame.host);
		if (!frame.ok) {
			failing.add(key);
			continue;
		}

		oks.push(frame);
		byHost.set(key, [...(byHost.get(key) ?? []), {frame, failedBefore: failing.delete(key)}].slice(-(windowPolls + 2)));
	}

	const window = new Map<string, Array<{opened: number; closed: number; seconds: number}>>();
	for (const [host, polls] of byHost) {
		let samples: Array<{opened: number; closed: number; seconds: number}> = [];
		let gapBefore: number | undefined;
		for (let i = 1; i < polls.length; i++) {
			const {restarted, ...counted} = sample(polls[i - 1]!.frame, polls[i]!.frame);
			// As the live poll starts them afresh: a restart, or a gap after a failure or a pause (changes.ts gapped).
			const afresh = restarted || gapped({gapSeconds: gapBefore}, counted.seconds, polls[i]!.failedBefore);
			samples = afresh ? [] : [...samples, counted].slice(-windowPolls);
			gapBefore = counted.seconds;
		}

		window.set(host, samples);
	}

	// Each host's latest counts before the history's first poll, then poll by poll, as live.
	const start = Math.max(0, oks.length - 2 * historyLength);
	const latest = new Map<string, ReadonlyMap<string, number>>();
	// Before it, only each host's last list counts: found walking back, not every frame counted.
	for (let i = start - 1; i >= 0 && latest.size < byHost.size; i--) {
		const key = keyOf(oks[i]!.host);
		if (!latest.has(key)) {
			latest.set(key, serviceCounts(oks[i]!));
		}
	}

	let history: Changes['history'] = new Map();
	for (const frame of oks.slice(start)) {
		latest.set(keyOf(frame.host), serviceCounts(frame));
		const merged = new Map<string, number>();
		for (const counts of latest.values()) {
			for (const [service, count] of counts) {
				merged.set(service, (merged.get(service) ?? 0) + count);
			}
		}

		// As live (changes.ts `partial`): no sample until every MaxScale has answered.
		if (latest.size >= hostCount) {
			history = nextHistory(history, merged.keys(), (service) => merged.get(service));
		}
	}

	return {window, rates: ratesOf(window), history};
}
