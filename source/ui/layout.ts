// Where everything goes for a terminal of a given size: pure arithmetic, so the
// screen and the resize handling agree, and benchmarks can render a frame alone.

import {filteredColumns, layoutColumns, naturalWidth, type Column} from '../model/columns.js';
import type {MonitorState} from '../model/monitor-state.js';
import {sanitize} from '../model/sanitize.js';
import {noticeRead, othersFailing, showsError, type Notice} from '../model/status-line.js';
import {failureHeight, outcomeLines, promptLines, questionLines} from './status-text.js';

// Ink erases the frame it drew before only when that frame was shorter than the terminal
// (else it clears the whole screen, and flickers), so one row always stays free; a frame
// any taller scrolls the terminal and leaves lines of earlier frames behind.
const freeRows = 1;
export const footerRows = 2;
/** Below this, the header's first line and the key hints no longer fit whole (header-fit.test.tsx). */
export const minColumns = 40;
/** The pane's border and title (detail-pane.tsx). */
const paneChromeRows = 3;

export type Layout = {
	columns: number;
	rows: number;
	/** False below minColumns × minRows: the screen is one line that says so. */
	fits: boolean;
	minRows: number;
	/**
	 * Header lines drawn: line 1 (host, counts), the MaxScales' line when there are several,
	 * and the status line (STALE, PAUSED, the filter) always; the sparkline while there is room.
	 */
	headerHeight: number;
	/**
	 * The footer's lines: the status line and the key hints; while a kill or restart question
	 * too long for two lines is open (a narrow terminal), the filter prompt with an error that
	 * is, or a kill's outcome that is (two MaxScales' failures), as many as it needs, from the list's.
	 */
	footerHeight: number;
	/** The header's sparkline strip: the first to go on a short terminal. */
	sparkline: boolean;
	/** The list's column titles: on a short terminal they go after the sparkline, before the rows. */
	titles: boolean;
	/** The titles show the sorted column and its arrow; when not, the header keeps the sort longer (header.tsx). */
	sortShown: boolean;
	bodyHeight: number;
	listWidth: number;
	listHeight: number;
	/** The pane is open and there is room to draw it. */
	paneShown: boolean;
	/** The pane shown zoomed (z): over the whole width, no list (listWidth 0). */
	zoomed: boolean;
	paneWidth: number;
	/** Lines of document the pane shows (inside its border, under its title). */
	paneBodyHeight: number;
	tableColumns: Column[];
};

/** The id column's width: the widest id, found with the poll (model/summary.ts). */
export function idWidthOf(state: MonitorState): number {
	return state.summary.idWidth;
}

/** The lines the footer needs to show its question, its filter prompt and error, a failure, a warning from the start, or a kill's outcome whole. */
function footerLines(state: MonitorState, columns: number, notice: Notice | undefined): number {
	if (state.mode === 'confirm' && state.confirm !== undefined) {
		return questionLines(state.confirm, columns, Number.POSITIVE_INFINITY).length;
	}

	const {error, text} = state.filter;
	if (state.mode === 'filter') {
		return error === undefined ? 0 : 1 + promptLines({text, cursor: state.filterCursor}, error, columns, Number.POSITIVE_INFINITY).below.length;
	}

	if (state.mode === 'search') {
		return 0;
	}

	// As the footer lays them out (footer.tsx): a failure's sentence, sanitized, then how many others fail.
	if (showsError(state)) {
		return failureHeight(sanitize(state.error!.message), othersFailing(state), columns);
	}

	if (state.message === undefined) {
		// A warning from the start (a config file others can read, TLS verification off) is read
		// whole, as a failure is (QA: two of them at once were cut at every width).
		return notice?.tone === 'warn' && !noticeRead(state) ? failureHeight(sanitize(notice.text), [], columns) : 0;
	}

	return state.message.whole === true ? outcomeLines(state.message.text, columns, Number.POSITIVE_INFINITY).length : 0;
}

/** `notice`: the sentence from the start the footer shows while nothing else is said (status-line.ts startNotice). */
export function layoutFor(state: MonitorState, size: {columns: number; rows: number}, idWidth: number, notice?: Notice): Layout {
	const hostCount = state.hostOrder.length;
	// Several MaxScales take one more header row for their statuses.
	const headerCore = hostCount > 1 ? 3 : 2;
	// A question, a filter's error and a kill's outcome are read whole (footer.tsx): while one longer than two
	// lines shows, the footer takes the rows it needs, leaving the list one.
	const footerHeight = Math.max(footerRows, Math.min(footerLines(state, size.columns, notice), size.rows - freeRows - headerCore - 1));
	// What the sparkline, the column titles and the rows share. They give way in that order
	// (htop keeps its rows too), down to one row.
	const room = size.rows - freeRows - footerHeight - headerCore;
	const spark = room >= 4;
	const titles = room >= 3;
	const listHeight = Math.max(1, room - (spark ? 1 : 0) - (titles ? 1 : 0));
	const bodyHeight = listHeight + (titles ? 1 : 0);
	const minRows = headerCore + footerRows + freeRows + 1;
	const maxscaleWidth = hostCount > 1 ? Math.max(...state.hostOrder.map((host) => host.length)) : 0;
	// The pane takes half the screen (45 % when wide), and whatever the list cannot use.
	const share = Math.floor(size.columns * (size.columns >= 120 ? 0.45 : 0.5));
	// Under its border and title, the pane needs a line of document to be of use; on a
	// shorter terminal the list keeps the width (the pane comes back with the rows).
	// (paneWidth stays what it would be: the pane keeps its lines wrapped for when it comes back.)
	const paneShown = state.pane.open && bodyHeight >= paneChromeRows + 1;
	// Columns no wider than their longest text over the list (model/summary.ts).
	const {widest} = state.summary;
	// Zoomed (z), the pane is the whole width; on a terminal too short for it the list is back, whole.
	const zoomed = paneShown && state.zoomed;
	const paneWidth = zoomed ? size.columns : state.pane.open ? Math.max(30, share, size.columns - naturalWidth(idWidth, maxscaleWidth, state.grouping, widest, state.columns)) : 0;
	const listWidth = size.columns - (paneShown ? paneWidth : 0);
	// Laid out at the whole width while zoomed, for the header's sort (the list comes back so).
	const tableColumns = layoutColumns(zoomed ? size.columns : listWidth, idWidth, maxscaleWidth, state.hostOrder, state.grouping, widest, state.columns, state.sort.key, filteredColumns(state.filter));
	return {
		columns: size.columns,
		rows: size.rows,
		fits: size.columns >= minColumns && size.rows >= minRows,
		minRows,
		headerHeight: headerCore + (spark ? 1 : 0),
		footerHeight,
		sparkline: spark,
		titles,
		sortShown: titles && !zoomed && tableColumns.some((column) => column.key === state.sort.key),
		bodyHeight,
		listWidth,
		listHeight,
		paneShown,
		zoomed,
		paneWidth,
		paneBodyHeight: Math.max(1, bodyHeight - paneChromeRows),
		tableColumns,
	};
}
