// The tree's own keys: collapse and expand a group (c, → and ←), all of them at once (C),
// and up from a row to its group (←). The cursor is a row key, so each finds the group
// from the rows as they are now.

import type {MonitorState} from './monitor-state.js';
import {applyView, moveCursor} from './place-rows.js';
import {isGroupRow} from './rows.js';
import {outerKey, outerName, serviceKey, standingGroups} from './groups.js';
import {indexOfKey} from './selection.js';

/** c or C with nothing grouped: said, rather than folding services out of sight for later. */
const flatNote = {tone: 'info', text: 'Nothing to collapse in flat view: t groups the list (by service, user, client or MaxScale).'} as const;

/** The group row a key belongs to: itself for a group, its innermost group for a session. */
function groupOf(state: MonitorState, key: string | undefined): string | undefined {
	const index = indexOfKey(state.rows, key);
	for (let i = index; i >= 0; i--) {
		const row = state.rows[i];
		if (isGroupRow(row)) {
			return row.key;
		}
	}

	return undefined;
}

/** The cursor's group collapsed, expanded or toggled. */
export function collapse(state: MonitorState, how: boolean | 'toggle'): MonitorState {
	const group = groupOf(state, state.selectedId);
	if (group === undefined) {
		return state.grouping === 'flat' ? {...state, message: flatNote} : state;
	}

	const collapsed = new Set(state.collapsed);
	const folding = how === 'toggle' ? !collapsed.has(group) : how;
	if (folding) {
		collapsed.add(group);
	} else {
		collapsed.delete(group);
	}

	// Collapsing hides the cursor's session: the cursor goes to the group row.
	return applyView({...state, collapsed, selectedId: folding ? group : state.selectedId});
}

/** C: every outer group (service, user, client or MaxScale) collapsed, or, with any group collapsed, all expanded. */
export function collapseAll(state: MonitorState): MonitorState {
	if (state.grouping === 'flat') {
		return {...state, message: flatNote};
	}

	// Expand when an outer group is collapsed; a state group collapsed under an open service is
	// no reason to expand rather than collapse (C twice to collapse every service).
	const {grouping} = state;
	const outer = new Set(state.sessions.map((s) => outerKey(grouping, outerName(grouping, s))));
	// The groups that stand empty (by MaxScale, one with no session) fold with the others.
	for (const name of standingGroups(grouping, state.hostOrder)) {
		outer.add(outerKey(grouping, name));
	}

	if ([...state.collapsed].some((key) => outer.has(key))) {
		return applyView({...state, collapsed: new Set()});
	}

	const group = groupOf(state, state.selectedId);
	const row = state.rows.find((each) => each.key === group);
	const cursor = isGroupRow(row) ? outerKey(grouping, row.service) : undefined;
	return applyView({...state, collapsed: outer, selectedId: cursor ?? state.selectedId});
}

/** ←: from a session, its group; from a state group, its service's. */
export function toGroup(state: MonitorState): MonitorState {
	const row = state.rows[indexOfKey(state.rows, state.selectedId)];
	const group = isGroupRow(row) ? (row.kind === 'state' ? serviceKey(row.service) : undefined) : groupOf(state, state.selectedId);
	return group === undefined ? state : moveCursor(state, group);
}
