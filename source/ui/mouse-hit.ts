// Where a mouse report falls on the screen as the layout drew it: the list's lines and
// column titles, the pane, the help. What it then does is the model's (model/mouse.ts).

import {gutter} from '../model/columns.js';
import type {MonitorState} from '../model/monitor-state.js';
import type {MouseAction} from '../model/mouse.js';
import type {MouseReport} from './key-names.js';
import type {Layout} from './layout.js';

/** Lines a turn of the wheel moves, as in less and most terminals' own scrollback. */
export const wheelLines = 3;
const wheelUp = 64;
const wheelDown = 65;
/** Shift, Alt and Ctrl held add these to the button; a motion report adds 32. */
const modifiers = 4 | 8 | 16;
const motion = 32;

/** The action of one report, or undefined (a button let go, a drag, the middle or right button, the header or footer). */
export function mouseHit(report: MouseReport, layout: Layout, state: Pick<MonitorState, 'mode'>): MouseAction | undefined {
	const button = report.button & ~modifiers;
	const wheel = button === wheelUp ? -wheelLines : button === wheelDown ? wheelLines : 0;
	if (report.release || (button & motion) !== 0 || (wheel === 0 && button !== 0) || !layout.fits) {
		return undefined;
	}

	// The terminal counts from 1.
	const x = report.x - 1;
	const y = report.y - 1;
	if (state.mode === 'help') {
		return wheel === 0 ? undefined : {type: 'mouse-wheel', area: 'help', delta: wheel};
	}

	const line = y - layout.headerHeight;
	if (line < 0 || line >= layout.bodyHeight) {
		return undefined;
	}

	if (layout.paneShown && (layout.zoomed || x >= layout.listWidth)) {
		return wheel === 0 ? {type: 'mouse-pane'} : {type: 'mouse-wheel', area: 'pane', delta: wheel};
	}

	if (wheel !== 0) {
		return {type: 'mouse-wheel', area: 'list', delta: wheel};
	}

	if (layout.titles && line === 0) {
		const key = columnAt(layout, x);
		return key === undefined ? undefined : {type: 'mouse-title', key};
	}

	return {type: 'mouse-row', line: line - (layout.titles ? 1 : 0)};
}

/**
 * The column whose title is at `x`. The one-cell gap between two titles is where a full
 * title's sort arrow goes (title-row.ts): before a right-aligned title (`Age ▼Idle`), after a
 * left-aligned one (`User▲ Client`), so the gap is the title's that puts its arrow there
 * (review: a click on `User▲`'s arrow sorted by Client).
 */
function columnAt(layout: Layout, x: number) {
	const columns = layout.tableColumns;
	let start = gutter;
	for (const [index, column] of columns.entries()) {
		const end = start + column.width;
		if (x >= start - 1 && x < end) {
			// In the gap before this title: the one before has it when only its arrow can be there.
			const before = columns[index - 1];
			return x === start - 1 && before?.align === 'left' && column.align !== 'right' ? before.key : column.key;
		}

		start = end + 1;
	}

	return undefined;
}
