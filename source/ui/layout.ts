// Where everything goes for a terminal of a given size: pure arithmetic, so the
// screen and the resize handling agree, and benchmarks can render a frame alone.

import {layoutColumns, naturalWidth, type Column} from '../model/columns.js';
import type {MonitorState} from '../model/monitor-state.js';

// Header three rows, footer two; Ink redraws the whole screen (and flickers)
// when its output is as tall as the terminal, so one row stays free.
const chromeRows = 6;

export type Layout = {
	columns: number;
	rows: number;
	bodyHeight: number;
	listWidth: number;
	listHeight: number;
	paneWidth: number;
	/** Lines of document the pane shows (inside its border, under its title). */
	paneBodyHeight: number;
	tableColumns: Column[];
};

/** The id column's width: the widest id, found with the poll (model/summary.ts). */
export function idWidthOf(state: MonitorState): number {
	return state.summary.idWidth;
}

export function layoutFor(state: MonitorState, size: {columns: number; rows: number}, idWidth: number): Layout {
	const hostCount = state.hostOrder.length;
	// Several MaxScales take one more header row for their statuses.
	const bodyHeight = Math.max(3, size.rows - chromeRows - (hostCount > 1 ? 1 : 0));
	const maxscaleWidth = hostCount > 1 ? Math.max(...state.hostOrder.map((host) => host.length)) : 0;
	// The pane takes half the screen (45 % when wide), and whatever the list cannot use.
	const share = Math.floor(size.columns * (size.columns >= 120 ? 0.45 : 0.5));
	const paneWidth = state.pane.open ? Math.max(30, share, size.columns - naturalWidth(idWidth, maxscaleWidth)) : 0;
	const listWidth = size.columns - paneWidth;
	return {
		columns: size.columns,
		rows: size.rows,
		bodyHeight,
		listWidth,
		listHeight: bodyHeight - 1,
		paneWidth,
		paneBodyHeight: Math.max(1, bodyHeight - 3),
		tableColumns: layoutColumns(listWidth, idWidth, maxscaleWidth, state.hostOrder),
	};
}
