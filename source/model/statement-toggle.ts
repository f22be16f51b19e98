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
		const text = on ? 'Statements on: a recording has them where its polls asked for them (S was on).' : 'Statements off.';
		return {...shown, message: {tone: 'info', text, answer: true}};
	}

	if (!on) {
		return {...shown, message: {tone: 'info', text: 'Statements off: the next polls no longer ask MaxScale for them.', answer: true}};
	}

	// One line at 80 columns: what an empty column would mean is the part to read.
	const text = 'Statements on: MaxScale keeps them only where retain_last_statements is set.';
	// Said as a key's outcome is (answer: it stays a few polls), not only until the poll it makes lands at once.
	return {...shown, refreshes: shown.refreshes + 1, message: {tone: 'info', text, answer: true}};
}
