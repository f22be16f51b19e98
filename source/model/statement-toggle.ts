// `S`: the Statement column shown or hidden while the monitor runs, as pg_activity shows its
// queries. Its list asks MaxScale for every statement it retains of every session, more than
// the rest of the list where retain_last_statements is set, so it is not in the default
// columns (column-choice.ts); shown, the next poll asks for it (ui/use-monitor.ts reads
// showsStatement), and one is made at once rather than an interval later.

import {defaultColumns} from './column-choice.js';
import type {MonitorState} from './monitor-types.js';
import {applyView} from './place-rows.js';
import {defaultSort, type SortKey} from './sort.js';

/** Whether the list shows the Statement column, so that its polls ask for statements. */
export function showsStatement(columns: readonly SortKey[] | undefined): boolean {
	return columns?.includes('statement') === true;
}

export function toggleStatement(state: MonitorState): MonitorState {
	const columns = state.columns ?? defaultColumns;
	const on = !showsStatement(columns);
	const next = on ? [...columns, 'statement' as const] : columns.filter((key) => key !== 'statement');
	// A sort by a column gone would sort by something unseen: back to the id, as a fresh start.
	const sort = !on && state.sort.key === 'statement' ? defaultSort : state.sort;
	const shown = applyView({...state, columns: next, sort});
	if (state.replay !== undefined) {
		const text = on ? 'Statement column on: a recording has statements where its polls asked for them (S was on).' : 'Statement column off.';
		return {...shown, message: {tone: 'info', text, answer: true}};
	}

	if (!on) {
		return {...shown, message: {tone: 'info', text: 'Statement column off: the next polls no longer ask MaxScale for statements.', answer: true}};
	}

	const text = 'Statement column on: polling now for each session\'s newest statement (MaxScale keeps them only with retain_last_statements).';
	return {...shown, refreshes: shown.refreshes + 1, message: {tone: 'info', text, untilPoll: true}};
}
