import {Box} from 'ink';
import {useEffect, useMemo, useState} from 'react';
import {liveRates} from '../model/changes.js';
import {formatClock, formatDuration, formatMs, shortState} from '../model/format.js';
import {uptimeAt} from '../model/server-info.js';
import type {MonitorState} from '../model/monitor-state.js';
import {markCounts, type MarkCounts} from '../model/marks.js';
import {replayHosts} from '../model/replay.js';
import {dueIn, firstLateMs, lateMs, nextPoll, retryCountdown} from '../model/schedule.js';
import {rowStateCounts, type Summary} from '../model/summary.js';
import {sanitize, truncate} from '../model/sanitize.js';
import {staleRows} from '../model/stale-hosts.js';
import {shownRows} from '../model/sticky-groups.js';
import {cellWidth, fitHostName, fitText} from './cell-width.js';
import {FittedLine, itemWidth, type LineItem} from './fitted-line.js';
import {HostLine, SparkLine} from './header-strips.js';
import type {Theme} from './theme.js';

/** Re-renders once a second so ages and the uptime tick between polls. */
function useNow(intervalMs: number): number {
	const [now, setNow] = useState(() => Date.now());
	useEffect(() => {
		const timer = setInterval(() => {
			setNow(Date.now());
		}, intervalMs);
		return () => {
			clearInterval(timer);
		};
	}, [intervalMs]);
	return now;
}

const groupingNames = {'service-state': 'service › state', service: 'service', user: 'user', client: 'client', maxscale: 'maxscale', flat: 'none'} as const;

/**
 * `sparkline`: false on a terminal too short for the strip (layout.ts). `sortShown`: whether
 * the list's column titles show the sorted column's arrow (false when that column has left a
 * narrow list, or the titles a short one): then the header is the only place the sort shows.
 */
type Props = {state: MonitorState; host: string; theme: Theme; width: number; shown: number; sparkline?: boolean; sortShown?: boolean};

/**
 * The first line's items. The name, the host and the session count always show (the host
 * is shortened for the count if it must be); then, as room allows, the counts by state (a
 * run, in their usual order), the rates, the version and the uptime: what moves before what
 * does not, as htop keeps its tasks and load (QA: at 80 columns the version stayed and the
 * demo's churn went).
 */
function summaryItems({state, host, theme, width, shown, now, stateCounts}: Props & {now: number; stateCounts: Summary['stateCounts']}): LineItem[] {
	const {server, lastPoll, sessions, changes, filter} = state;
	const single = state.hostOrder.length === 1;
	// Not while it fails: it may be down, and an uptime ticking on would say it is up (QA).
	const uptime = single && state.error === undefined ? uptimeAt(server, now) : undefined;
	const filtered = filter.test !== undefined;
	const count: LineItem = {
		key: 'sessions',
		priority: 0,
		runs: [{text: lastPoll === undefined ? '…' : filtered ? `${shown} of ${sessions.length}` : String(sessions.length), bold: true}, {text: sessions.length === 1 && !filtered ? ' session' : ' sessions'}],
	};
	const items: LineItem[] = [
		{key: 'name', priority: 0, runs: [{text: 'sessiontop', bold: true, color: theme.accent}, {text: ` ${fitHostName(host, width - cellWidth('sessiontop ') - itemWidth(count, false))}`}]},
	];
	if (single && server?.version !== undefined) {
		items.push({key: 'version', priority: 6, runs: [{text: `MaxScale ${truncate(server.version, 24)}`, color: theme.muted}]});
	}

	if (uptime !== undefined) {
		items.push({key: 'uptime', priority: 5, runs: [{text: `up ${formatDuration(uptime)}`, color: theme.muted}]});
	}

	items.push(count);
	// With several MaxScales, the rows of one failing are its last good list, counted with the
	// live ones: how many, beside the count (QA read 3988 sessions as live with 1994 of them stale).
	const stale = staleRows(state);
	if (stale > 0) {
		items.push({key: 'stale rows', priority: 1, gap: ' ', runs: [{text: `(${stale} stale)`, color: theme.warn}]});
	}

	for (const {state: name, count: inState} of stateCounts) {
		items.push({key: `state ${name}`, priority: 3, runs: [{text: `${truncate(shortState(name), 24)} `, color: theme.muted}, {text: String(inState), bold: true, color: theme.muted}]});
	}

	// The rates are made of each MaxScale's samples (model/changes.ts): none before a MaxScale's
	// second answer, nor after a replay's step back to its first, when 0.0/s would mean nothing.
	// A failing MaxScale's are left out: its last rates are not news.
	const rates = lastPoll === undefined ? undefined : liveRates(changes, (host) => state.hosts[host]?.error !== undefined);
	if (rates !== undefined) {
		items.push({key: 'rates', priority: 4, runs: [{text: `+${rate(rates.opened)}/s −${rate(rates.closed)}/s`, color: theme.muted}]});
	}

	return items;
}

/** A rate with one decimal; none at all, `0`: after its sign, `−0.0` read as a negative zero, `−0` as a diff's nothing. */
function rate(perSecond: number): string {
	const shown = perSecond.toFixed(1);
	return shown === '0.0' ? '0' : shown;
}

/** The marks' wordings, longest first: the status line takes the longest that leaves the filter its room. */
function markWordings({marked, hidden}: MarkCounts): string[] {
	return hidden > 0
		? [`● ${marked} marked (${hidden} hidden by the filter)`, `● ${marked} marked (${hidden} hidden)`, `● ${marked} (${hidden} hidden)`, `● ${marked}`]
		: [`● ${marked} marked`, `● ${marked}`];
}

/** The cells the items that always show (priority 0) take on their line: what the marks and the filter share the rest of. */
function alwaysShownWidth(items: readonly LineItem[]): number {
	let width = 0;
	for (const [index, item] of items.entries()) {
		width += item.priority === 0 ? itemWidth(item, index === 0) : 0;
	}

	return width;
}

/** The filter's text keeps at least this many cells (or all of it, when shorter) before the marks shorten further. */
const leastFilter = 8;

/**
 * The status line's items. What changes how the list below must be read never goes: no
 * data or stale, a replay, paused, marks (K and R act on them, shown or not) and the filter
 * (shortened if it alone is too long). The rest goes from the least useful, as htop or k9s
 * would: the grouping and the sort first (the list itself shows them: its group rows, the
 * arrow in its title), then the interval (a setting, changed with + -), the slow-poll note,
 * when the last poll was, and last the retry countdown, which says when data may come back.
 * When the list shows no arrow (its sorted column has left a narrow terminal), the sort is
 * said nowhere else: it then outlasts all but the retry countdown, as htop keeps its sort
 * column's name in the header when the column itself is hidden.
 */
function statusItems({state, host, theme, width, now, marks, sortShown = true}: Props & {now: number; marks: MarkCounts | undefined}): LineItem[] {
	const {lastPoll, error, filter, sort, paused, intervalMs, replay} = state;
	const single = state.hostOrder.length === 1;
	const age = lastPoll === undefined ? undefined : (now - lastPoll.at) / 1000;
	// Only while polls run on their own: paused, failing (the retry countdown) or replayed, none is due.
	const next = lastPoll === undefined || paused || error !== undefined || replay !== undefined ? undefined : nextPoll(lastPoll, intervalMs);
	const items: LineItem[] = [];
	if (error !== undefined && single) {
		items.push({key: 'stale', priority: 0, runs: [{text: age === undefined ? 'NO DATA' : `STALE ${formatDuration(age)}`, bold: true, color: theme.error, inverse: theme.error === undefined}]});
	}

	if (error?.retryAt !== undefined && single && replay === undefined) {
		items.push({key: 'retry', priority: 1, runs: [{text: retryCountdown(error.retryAt, now, 'retry in'), color: theme.warn}]});
	}

	// A MaxScale that took the request and does not answer: said before the timeout says it (schedule.ts lateMs).
	const late = next === undefined || !single ? undefined : lateMs(lastPoll!, intervalMs, now, performance.now());
	if (late !== undefined) {
		items.push({key: 'late', priority: 1, runs: [{text: `no answer for ${formatDuration(late / 1000)}`, bold: true, color: theme.warn}]});
	}

	if (replay !== undefined) {
		items.push({key: 'replay', priority: 0, badge: true, runs: [{text: ` REPLAY ${formatClock(now)} ${replay.index + 1}/${replay.frames.length} `, bold: true, inverse: true, color: theme.accent}]});
	}

	if (paused) {
		items.push({key: 'paused', priority: 0, badge: true, runs: [{text: ' PAUSED ', bold: true, inverse: true, color: theme.warn}]});
	}

	// Every poll goes to a file: said while it does, as a screen recorder says REC.
	if (state.recordingTo !== undefined) {
		items.push({key: 'recording', priority: 0, badge: true, runs: [{text: ' REC ', bold: true, inverse: true, color: theme.error}]});
	}

	// Marks act (K, R) even on sessions the filter or a collapsed group hides: always say there
	// are some, in fewer words on a narrow terminal rather than cut (or the filter pushed off).
	if (marks !== undefined) {
		const filterNeeds = filter.text === '' ? 0 : cellWidth('  filter ') + Math.min(cellWidth(sanitize(filter.text)), leastFilter);
		const others = alwaysShownWidth(items);
		const wordings = markWordings(marks);
		const fits = (text: string) => others + itemWidth({key: 'marks', priority: 0, runs: [{text}]}, items.length === 0) + filterNeeds <= width;
		items.push({key: 'marks', priority: 0, runs: [{text: wordings.find(fits) ?? wordings.at(-1)!, bold: true, color: theme.marked}]});
	}

	// After a failure (a 401, refused) it is no longer connecting: the status line says why.
	const polled = lastPoll === undefined ? (error === undefined ? `connecting to ${host}…` : 'no list yet') : `polled ${formatClock(lastPoll.at)} in ${Math.round(lastPoll.latencyMs)}ms`;
	items.push({key: 'polled', priority: 2, runs: [{text: polled, color: theme.muted}]});
	// The first poll taken and not answered yet: how long it has waited, after `connecting to HOST…`.
	// Not `no answer`, as a later poll's lateness is said: with no poll before it there is no
	// telling a silent MaxScale from a long list still arriving (100,000 sessions: seconds).
	const connecting = single && lastPoll === undefined && error === undefined && !paused && replay === undefined ? state.pollingSince : undefined;
	const firstLate = connecting === undefined ? undefined : firstLateMs(connecting, now, performance.now());
	if (firstLate !== undefined) {
		items.push({key: 'late', priority: 1, gap: ' ', runs: [{text: `waiting ${formatDuration(firstLate / 1000)}`, color: theme.warn}]});
	}

	items.push({key: 'every', priority: 4, runs: [{text: `every ${formatMs(intervalMs)}`, color: theme.muted}]});
	// With several MaxScales each has its own pause: the host line says which are slow.
	if (next?.slow === true && single) {
		const due = dueIn(next, now);
		items.push({key: 'slow', priority: 3, gap: ' ', runs: [{text: due > 0 ? `(slow polls: next in ${formatMs(due)})` : '(slow polls: polling…)', color: theme.warn}]});
	}

	items.push(
		{key: 'sort', priority: sortShown ? 5 : 1.5, runs: [{text: `sort ${sort.key}${sort.descending ? '▼' : '▲'}`, color: theme.muted}]},
		{key: 'group', priority: 6, runs: [{text: `group ${groupingNames[state.grouping]}`, color: theme.muted}]},
	);
	// Scrolled down, which rows show, as the pane's title does: under the sticky group rows the
	// list looked like its own top (QA took a row far down for the largest after M).
	if (state.listTop > 0 && state.rows.length > 0) {
		const {first, last} = shownRows(state.rows, state.listTop, state.listHeight);
		items.push({key: 'position', priority: 3, runs: [{text: `rows ${first}-${last}/${state.rows.length}`, color: theme.muted}]});
	}
	if (filter.text !== '') {
		// The filter is shortened to the room the other always-shown items leave it.
		const room = width - cellWidth('  filter ') - alwaysShownWidth(items);

		items.push({key: 'filter', priority: 0, runs: [{text: `filter ${fitText(sanitize(filter.text), Math.max(1, room))}`, color: theme.accent}]});
	}

	return items;
}

export function Header({state, host, theme, width, shown, sparkline = true, sortShown = true}: Props) {
	const clock = useNow(1000);
	const {replay, changes} = state;
	// A replay of several runs of --record: the run on screen may have watched another MaxScale.
	const runHost = replay === undefined || state.hostOrder.length > 1 ? undefined : replayHosts(replay)?.[0];
	const label = runHost ?? host;
	// A replay's "now" is the moment of the frame on screen.
	// The clock ticks once a second; a poll or a failure can be newer than its last tick.
	const now = replay === undefined ? Math.max(clock, state.lastPoll?.at ?? 0, state.error?.at ?? 0) : (replay.frames[replay.index]?.t ?? clock);
	const sparkWidth = width >= 160 ? 20 : 10;
	// The counts by state break down the count beside them: under a filter, `38 of 299`, the
	// 38's. Those come from the rows, counted when they are rebuilt (a poll, a filter edit),
	// not by a frame; the whole list's come with the poll (model/summary.ts).
	const filtered = state.filter.test !== undefined;
	const stateCounts = useMemo(() => (filtered ? rowStateCounts(state.rows) : state.summary.stateCounts), [filtered, state.rows, state.summary]);
	const {marked, byId, filter, held} = state;
	const marks = useMemo(() => markCounts({marked, byId, filter, held}), [marked, byId, filter, held]);

	return (
		<Box flexDirection="column" width={width}>
			<FittedLine items={summaryItems({state, host: label, theme, width, shown, now, stateCounts})} width={width} />
			{state.hostOrder.length > 1 && <HostLine state={state} now={now} theme={theme} width={width} />}
			<FittedLine items={statusItems({state, host: label, theme, width, shown, now, marks, sortShown})} width={width} />
			{sparkline && <SparkLine history={changes.history} width={width} sparkWidth={sparkWidth} theme={theme} waiting={state.lastPoll !== undefined && state.hostOrder.some((name) => state.hosts[name]?.lastPoll === undefined)} />}
		</Box>
	);
}
