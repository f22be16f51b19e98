// Marks: the sessions a kill or restart acts on together. Space marks the session under the
// cursor (or, on a group row, every session of the group the filter lets through), `*`
// every session the filter lets through (each again, with most of them marked, unmarks
// them), `u` (or Esc with nothing else to close) none.
// Each says what it did when it did more than the one row: 544 sessions of a runaway user
// are marked with / and *, not 544 presses of Space.

import {listedTest} from './held-row.js';
import {moveCursor} from './place-rows.js';
import {indexOfKey, moveBy} from './selection.js';
import type {MonitorState} from './monitor-state.js';
import {isGroupRow, type GroupRow} from './rows.js';
import {outerName, stateName} from './groups.js';
import type {Session} from './session.js';

/** How many sessions are marked, and how many of those the filter hides: the header says both (K and R act on hidden marks too). */
export type MarkCounts = {marked: number; hidden: number};

/** Walks every mark through the filter (`*` marks them all): for a change of marks, list or filter, not for every frame. */
export function markCounts(state: Pick<MonitorState, 'marked' | 'byId' | 'filter' | 'held'>): MarkCounts | undefined {
	const {marked, byId} = state;
	if (marked.size === 0) {
		return undefined;
	}

	// The session kept listed for the pane (held-row.ts) is shown, as it is on screen (QA).
	const test = listedTest(state);
	let hidden = 0;
	if (test !== undefined) {
		for (const key of marked) {
			const session = byId.get(key);
			hidden += session !== undefined && !test(session) ? 1 : 0;
		}
	}

	return {marked: marked.size, hidden};
}

/** Marked sessions by outer group (a service, user, client or MaxScale), and by state within a service. */
export type GroupMarks = {outer: Map<string, number>; states: Map<string, Map<string, number>>};

/** How many of a group row's sessions are marked. */
export function marksOf(marks: GroupMarks, group: GroupRow): number {
	return (group.kind === 'service' ? marks.outer.get(group.service) : marks.states.get(group.service)?.get(group.state)) ?? 0;
}

/**
 * The marked sessions the filter lets through, counted by the group rows they are under, so
 * that a row says how many of its sessions are marked (`● 77`), folded or not: marks under
 * a folded group are otherwise out of sight until K names them. Walks the marks, not the list,
 * and makes no string a mark: `*` on 100,000 sessions is counted again at every poll.
 */
export function markedInGroups(state: Pick<MonitorState, 'marked' | 'byId' | 'filter' | 'grouping' | 'held'>): GroupMarks {
	const {marked, byId, grouping} = state;
	const marks: GroupMarks = {outer: new Map(), states: new Map()};
	if (marked.size === 0 || grouping === 'flat') {
		return marks;
	}

	// Only service › state has state rows.
	const withStates = grouping === 'service-state';
	const test = listedTest(state);
	for (const key of marked) {
		const session = byId.get(key);
		if (session !== undefined && (test === undefined || test(session))) {
			const outer = outerName(grouping, session);
			marks.outer.set(outer, (marks.outer.get(outer) ?? 0) + 1);
			if (withStates) {
				let states = marks.states.get(outer);
				if (states === undefined) {
					states = new Map();
					marks.states.set(outer, states);
				}

				const state = stateName(session);
				states.set(state, (states.get(state) ?? 0) + 1);
			}
		}
	}

	return marks;
}

export type MarkAction = {type: 'mark'} | {type: 'mark-shown'} | {type: 'unmark-all'};

const plural = (n: number) => `${n.toLocaleString('en')} session${n === 1 ? '' : 's'}`;

/** Live sessions the filter lets through, of one group or all (collapsed groups too: folded, not hidden). */
function shown(state: MonitorState, group?: GroupRow): Session[] {
	const test = listedTest(state);
	return state.sessions.filter(
		(session) =>
			(test === undefined || test(session)) &&
			(group === undefined ||
				(outerName(state.grouping, session) === group.service && (group.kind === 'service' || stateName(session) === group.state))),
	);
}

/**
 * All of `sessions` marked or, if most of them were, none: sessions keep opening, so by the
 * time the key comes again (to undo the first press) a poll has brought a few unmarked ones,
 * and "unless all are marked" would mark those instead of undoing. `said` words the count
 * (`3 sessions of RW`).
 */
function toggleAll(state: MonitorState, sessions: readonly Session[], said: (count: string, unmark: boolean) => string): MonitorState {
	if (sessions.length === 0) {
		return {...state, message: {tone: 'info', text: 'No session here to mark.'}};
	}

	const marked = new Set(state.marked);
	let already = 0;
	for (const session of sessions) {
		already += marked.has(session.key) ? 1 : 0;
	}

	const unmark = already * 2 > sessions.length;
	for (const session of sessions) {
		if (unmark) {
			marked.delete(session.key);
		} else {
			marked.add(session.key);
		}
	}

	const count = unmark ? already : sessions.length;
	return {...state, marked, message: {tone: 'info', text: `${unmark ? 'Unmarked' : 'Marked'} ${said(plural(count), unmark)}.`}};
}

export function markReducer(state: MonitorState, action: MarkAction): MonitorState {
	switch (action.type) {
		case 'mark': {
			const id = state.selectedId;
			const row = state.rows[indexOfKey(state.rows, id)];
			if (isGroupRow(row)) {
				const name = row.kind === 'service' ? row.service : `${row.service} › ${row.state}`;
				const toggled = toggleAll(state, shown(state, row), (count) => `${count} of ${name}${state.filter.test === undefined ? '' : ' (filtered)'}`);
				// Then down, as on a session, past the group's own rows to the next group of its
				// rank: Space Space marks two groups, where staying put unmarked the one just marked.
				const at = indexOfKey(state.rows, id);
				const next = state.rows.slice(at + 1).find((other) => isGroupRow(other) && (row.kind === 'state' || other.kind === 'service'));
				// As a key moves it: the list scrolled to show it, the pane following.
				return moveCursor(toggled, next?.key ?? id);
			}

			if (id === undefined || !state.byId.has(id)) {
				return state;
			}

			const marked = new Set(state.marked);
			if (marked.has(id)) {
				marked.delete(id);
			} else {
				marked.add(id);
			}

			// Like htop: marking moves down, so Space Space Space marks a run.
			return moveCursor({...state, marked}, moveBy(state.rows, id, 1) ?? id);
		}

		case 'mark-shown': {
			return toggleAll(state, shown(state), (count, unmark) => (unmark ? count : state.filter.test === undefined ? `all ${count}` : `the ${count} the filter shows`));
		}

		case 'unmark-all': {
			const count = state.marked.size;
			return {...state, marked: new Set(), message: {tone: 'info', text: count === 0 ? 'No session is marked.' : `Unmarked ${plural(count)}.`}};
		}
	}
}
