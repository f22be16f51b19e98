import {Box, Text} from 'ink';
import {memo} from 'react';
import {columnText, fitCell, runningLevel} from '../model/cells.js';
import type {Column} from '../model/columns.js';
import {sortedSpan, titleRow} from '../model/title-row.js';
import {cellWidth} from './cell-width.js';
import {shortState} from '../model/format.js';
import {maxscaleOfKey} from '../model/groups.js';
import {headCells} from '../model/sanitize.js';
import {marksOf, type GroupMarks} from '../model/marks.js';
import {isGhostRow, isGroupRow, isSessionRow, sessionOf, type Row} from '../model/rows.js';
import {plainSession} from '../model/session.js';
import {stickyRows} from '../model/sticky-groups.js';
import type {Sort} from '../model/sort.js';
import type {Theme} from './theme.js';

type Props = {
	rows: readonly Row[];
	top: number;
	height: number;
	columns: Column[];
	width: number;
	selectedId?: string;
	focused: boolean;
	theme: Theme;
	sort: Sort;
	marked: ReadonlySet<string>;
	/** Marked sessions by group row (model/marks.ts markedInGroups): a group row says how many of its own are. */
	markedIn?: GroupMarks;
	/** Killed with a grace period and still listed: their State reads `closing` (MonitorState.closing). */
	closing?: {has(key: string): boolean; size: number};
	/** The keys of sessions still highlighted as new (model/changes.ts). */
	born: ReadonlyMap<string, unknown>;
	/** The MaxScales failing now (model/stale-hosts.ts): their sessions are drawn dimmed. */
	stale?: ReadonlySet<string>;
	/** What to say when there are no rows (no sessions, or no data yet). */
	empty: string;
	/** The column titles above the rows; a short terminal keeps the rows instead (layout.ts). */
	titles?: boolean;
};

/** `text` in `width` cells: cut, or filled with blanks to the edge. */
function pad(text: string, width: number): string {
	const cells = cellWidth(text);
	if (cells <= width) {
		return text + ' '.repeat(width - cells);
	}

	const cut = headCells(text, width, cellWidth);
	return cut + ' '.repeat(Math.max(0, width - cellWidth(cut)));
}

/**
 * A row as wide as it must be: padded to the full width only when it is inverse (the
 * cursor), where the bar must reach the edge. Ink re-tokenizes every character of every
 * frame, so trailing blanks are a real share of a frame's cost. In cells, as the cells were
 * fitted: a wide character (two cells, one UTF-16 unit) or a combining mark (no cell, one
 * unit) would otherwise cut the row's last column or leave it to Ink's `…`.
 */
function fit(text: string, width: number, inverse: boolean): string {
	return inverse ? pad(text, width) : (cellWidth(text) <= width ? text : headCells(text, width, cellWidth)).trimEnd();
}

type RowProps = {
	row: Row;
	columns: Column[];
	width: number;
	selected: boolean;
	focused: boolean;
	marked: boolean;
	/** A group row's marked sessions. */
	marks: number;
	fresh: boolean;
	stale: boolean;
	closing: boolean;
	theme: Theme;
};

/**
 * A service's row: its name and count, then its states' counts as many as fit whole, in
 * order, `…` standing for the rest: cut anywhere, `(started 42` would read `(started 4`.
 */
export function serviceRowText(start: string, states: ReadonlyArray<{state: string; count: number}>, width: number): string {
	const parts = states.map(({state, count}) => `${shortState(state)} ${count}`);
	for (let shown = parts.length; shown > 0; shown--) {
		const text = `${start}  (${parts.slice(0, shown).join(' · ')}${shown < parts.length ? ' · …' : ''})`;
		if (cellWidth(text) <= width) {
			return text;
		}
	}

	return start;
}

const TableRow = memo(function TableRow({row, columns, width, selected, focused, marked, marks, fresh, stale, closing, theme}: RowProps) {
	const cursor = selected ? '▶' : ' ';
	if (isGroupRow(row)) {
		const arrow = row.collapsed ? '▸' : '▾';
		const count = `${row.count}${marks > 0 ? ` ● ${marks}` : ''}`;
		const text = row.kind === 'service' ? serviceRowText(`${cursor}${arrow} ${row.service}  ${count}`, row.states, width) : `${cursor}  ${arrow} ${row.state}  ${count}`;
		return (
			<Text bold={row.kind === 'service'} wrap="truncate" color={row.kind === 'service' ? theme.group : theme.muted} inverse={selected} dimColor={stale || (selected && !focused)}>
				{fit(text, width, selected)}
			</Text>
		);
	}

	const ghost = isGhostRow(row);
	const badge = ghost ? '✕' : marked ? '●' : fresh ? '+' : ' ';
	// Measured in cells, as Ink draws them: a wide user name keeps the next columns in line.
	// A polled session's fields are getters over its list's columns (api/column-session.ts),
	// which a spread would not copy: plainSession spells every one out.
	// An ended row says so in words too (QA: `✕ … started` read as a live session where a
	// terminal draws no strikethrough); the pane keeps its last document, state and all.
	const session = closing || ghost ? {...plainSession(sessionOf(row)), state: ghost ? 'ended' : 'closing'} : sessionOf(row);
	const cells = columns.map((column) => fitCell(columnText(session, column), column, cellWidth));
	const line = fit(`${cursor}${badge}${cells.join(' ')}`, width, selected);
	// A statement running a second or more: its Running cell in the warning's colour, from ten
	// seconds the error's and bold (model/cells.ts runningLevel). Not on an ended row.
	const level = ghost ? undefined : runningLevel(session);
	const at = level === undefined ? -1 : columns.findIndex((column) => column.key === 'running');
	const start = at === -1 ? -1 : `${cursor}${badge}${cells.slice(0, at).map((cell) => `${cell} `).join('')}`.length;
	const cell = at === -1 ? '' : cells[at]!;
	const coloured = start !== -1 && line.slice(start, start + cell.length) === cell;
	return (
		<Text
			wrap="truncate"
			inverse={selected}
			dimColor={ghost || stale || (selected && !focused)}
			strikethrough={ghost}
			bold={marked}
			color={ghost ? theme.muted : marked ? theme.marked : fresh ? theme.fresh : undefined}
		>
			{coloured ? (
				<>
					{line.slice(0, start)}
					<Text color={level === 'long' ? theme.error : theme.warn} bold={level === 'long'}>
						{cell}
					</Text>
					{line.slice(start + cell.length)}
				</>
			) : (
				line
			)}
		</Text>
	);
});

/** The column titles, the sorted one set apart: in the accent colour, or in reverse video without colour (NO_COLOR). */
function TitleLine({line, span, theme}: {line: string; span: [number, number] | undefined; theme: Theme}) {
	const [start, end] = span ?? [0, 0];
	return (
		<Text bold wrap="truncate" underline>
			{line.slice(0, start)}
			{end > start && (
				<Text color={theme.accent} inverse={theme.accent === undefined}>
					{line.slice(start, end)}
				</Text>
			)}
			{line.slice(end)}
		</Text>
	);
}

/** The MaxScale a row is of: a session's, or a group's when grouped by MaxScale (dimmed with its sessions when it fails). */
function hostOf(row: Row): string | undefined {
	if (isGroupRow(row)) {
		return row.kind === 'service' ? maxscaleOfKey(row.key, row.service) : undefined;
	}

	return sessionOf(row).host;
}

/**
 * The session list: the column titles, then only the rows in view, under the sticky rows of
 * their groups when those scrolled off (model/sticky-groups.ts): drawn as the group rows they
 * are, never with the cursor, in the place of the window's last rows (`height` lines in all).
 */
export function SessionTable(props: Props) {
	const {rows, top, height, columns, width, selectedId, focused, theme, sort, marked, markedIn, closing, born, stale, empty, titles = true} = props;
	const sticky = stickyRows(rows, top, height);
	const visible = rows.slice(top, top + height - sticky.length);
	const titleLine = pad(titleRow(columns, sort, width), width);
	const drawn = (row: Row, key: string, selected: boolean) => (
		<TableRow
			key={key}
			row={row}
			columns={columns}
			width={width}
			selected={selected}
			focused={focused}
			marked={isSessionRow(row) && marked.has(row.key)}
			marks={markedIn !== undefined && markedIn.outer.size > 0 && isGroupRow(row) ? marksOf(markedIn, row) : 0}
			fresh={isSessionRow(row) && born.has(row.key)}
			stale={stale !== undefined && stale.size > 0 && stale.has(hostOf(row) ?? '')}
			closing={closing !== undefined && closing.size > 0 && isSessionRow(row) && closing.has(row.key)}
			theme={theme}
		/>
	);
	return (
		<Box flexDirection="column" width={width} height={height + (titles ? 1 : 0)}>
			{titles && <TitleLine line={titleLine} span={sortedSpan(columns, sort, titleLine)} theme={theme} />}
			{sticky.map((row) => drawn(row, `\u0000sticky${row.key}`, false))}
			{visible.map((row) => drawn(row, row.key, row.key === selectedId && !isGhostRow(row)))}
			{rows.length === 0 && <Text color={theme.muted}>{`  ${empty}`}</Text>}
		</Box>
	);
}
