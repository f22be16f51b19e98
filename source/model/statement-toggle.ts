// `S`: the Running and Statement columns shown or hidden while the monitor runs, as pg_activity
// shows its queries and how long each has run. Their list asks MaxScale for every statement it
// retains of every session, more than the rest of the list where retain_last_statements is set,
// so they are not in the default columns (column-choice.ts); shown, the next poll asks for them
// (ui/use-monitor.ts reads showsStatement), and one is made at once rather than an interval later.

import {defaultColumns, showsStatement, statementColumns} from './column-choice.js';
import type {MonitorState} from './monitor-types.js';
import {applyView} from './place-rows.js';
import {defaultSort, type SortKey} from './sort.js';
import {reportsStatements} from './version.js';

const isStatementColumn = (key: SortKey) => statementColumns.includes(key);

/** The MaxScales watched whose version is known to have no statements (before 2.3.1). */
export function withoutStatements(state: MonitorState): string[] {
	return state.hostOrder.filter((host) => reportsStatements(versionOf(state, host)) === false);
}

const versionOf = (state: MonitorState, host: string) => state.hosts[host]?.server?.version;

/** `columns` with `taken` put back, each at its place (in order, so that later places count the earlier ones). */
function restored(columns: readonly SortKey[], taken: ReadonlyArray<{key: SortKey; at: number}>): SortKey[] {
	const next = [...columns];
	for (const {key, at} of [...taken].sort((a, b) => a.at - b.at)) {
		next.splice(Math.min(at, next.length), 0, key);
	}

	return next;
}

/**
 * A MaxScale's version just learnt (`next`, from `state`): shown while no version was known
 * (S pressed before the first answer, or --columns), the statement columns go again once every
 * MaxScale watched is known to have none, as S would have said then (QA: they stayed on,
 * empty, every poll asking for them).
 */
export function statementsAfterVersion(state: MonitorState, next: MonitorState): MonitorState {
	const columns = next.columns ?? defaultColumns;
	const before = withoutStatements(state);
	const old = withoutStatements(next);
	if (next.replay !== undefined || !showsStatement(columns) || old.length === before.length) {
		return next;
	}

	// Another MaxScale has them, or may: they stay, and this one is named, as S names it (QA).
	if (old.length < next.hostOrder.length) {
		const named = old.filter((host) => !before.includes(host)).map((host) => `${host} (${versionOf(next, host) ?? ''})`);
		return {...next, message: {tone: 'info', text: `No statements from ${named.join(', ')}: none before MaxScale 2.3.1.`, answer: true}};
	}

	const off = toggleStatement(next);
	const resorted = off.sort === next.sort ? '' : ', and the sort by them: sorted by id';
	// Read whole (advice), on the hints' line too if need be: what it turned off, the sort
	// included, is the part a narrow terminal cut (QA: `Statements off, and the s…` at 100 columns).
	return {...off, message: {tone: 'info', text: `${tooOld(next)} no statements (MaxScale 2.3.1 or later has them): Statements off${resorted}.`, answer: true, advice: true}};
}

/** "MaxScale 2.2.5 reports", or with several "These MaxScales (2.2.5, 2.3.0) report". */
function tooOld(state: MonitorState): string {
	const versions = state.hostOrder.map((host) => versionOf(state, host));
	return state.hostOrder.length > 1 ? `These MaxScales (${versions.join(', ')}) report` : `MaxScale ${versions[0] ?? ''} reports`;
}

export function toggleStatement(state: MonitorState): MonitorState {
	const columns = state.columns ?? defaultColumns;
	const on = !showsStatement(columns);
	// Every MaxScale watched too old to have statements (their versions known): nothing to show,
	// said, and nothing turned on that would only hide why a filter on them keeps nothing (QA).
	const old = withoutStatements(state);
	if (on && state.replay === undefined && old.length === state.hostOrder.length) {
		return {...state, message: {tone: 'info', text: `${tooOld(state)} no statements: that needs MaxScale 2.3.1 or later.`, answer: true}};
	}

	// Each back where it was taken out (--columns statement,user,running: first and last), else both last.
	const taken = on ? undefined : columns.flatMap((key, at) => (isStatementColumn(key) ? [{key, at}] : []));
	const next = on ? restored(columns, state.statementAt ?? statementColumns.map((key, i) => ({key, at: columns.length + i}))) : columns.filter((key) => !isStatementColumn(key));
	// A sort by a column gone would sort by something unseen: back to the id, as a fresh start.
	const resorted = !on && isStatementColumn(state.sort.key);
	const shown = applyView({...state, columns: next, sort: resorted ? defaultSort : state.sort, statementAt: taken});
	if (state.replay !== undefined) {
		const text = on ? 'Statements on: a recording has them where its polls asked for them (S was on).' : 'Statements off.';
		return {...shown, message: {tone: 'info', text, answer: true}};
	}

	if (!on) {
		const text = resorted ? 'Statements off, and the sort by them: sorted by id again.' : 'Statements off: the next polls no longer ask MaxScale for them.';
		return {...shown, message: {tone: 'info', text, answer: true}};
	}

	// One line at 80 columns: what an empty column would mean is the part to read; with several
	// MaxScales, those too old to have any are named.
	const none = old.length === 0 ? '' : ` (${old.join(', ')}: none before 2.3.1)`;
	const text = `Statements on: MaxScale keeps them only where retain_last_statements is set${none}.`;
	// Paused, nothing is polled: they come with the poll that resumes it, and the sentence goes with it.
	if (state.paused) {
		return {...shown, message: {tone: 'info', text: 'Statements on: they come with the next poll (p resumes polling).', untilPoll: true}};
	}

	// Said as a key's outcome is (answer: it stays a few polls), not only until the poll it makes lands at once.
	return {...shown, refreshes: shown.refreshes + 1, message: {tone: 'info', text, answer: true}};
}
