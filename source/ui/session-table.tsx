import {Box, Text} from 'ink';
import {memo} from 'react';
import {cellText, fitCell, gutter, type Column} from '../model/columns.js';
import {shortState} from '../model/format.js';
import type {Row} from '../model/rows.js';
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
	/** What to say when there are no rows (no sessions, or no data yet). */
	empty: string;
};

function pad(text: string, width: number): string {
	return text.length >= width ? text.slice(0, width) : text.padEnd(width);
}

const SessionRow = memo(function SessionRow({
	row,
	columns,
	width,
	selected,
	focused,
	theme,
}: {
	row: Row;
	columns: Column[];
	width: number;
	selected: boolean;
	focused: boolean;
	theme: Theme;
}) {
	if (row.kind === 'service') {
		const states = row.states.map(({state, count}) => `${shortState(state)} ${count}`).join(' · ');
		return (
			<Text bold wrap="truncate" color={theme.group}>
				{pad(`▾ ${row.service}  ${row.count}  (${states})`, width)}
			</Text>
		);
	}

	if (row.kind === 'state') {
		return (
			<Text wrap="truncate" color={theme.muted}>
				{pad(`  ${row.state}  ${row.count}`, width)}
			</Text>
		);
	}

	const cells = columns.map((column) => fitCell(cellText(row.session, column.key), column)).join(' ');
	const line = pad(`${selected ? '▶' : ' '}${' '.repeat(gutter - 1)}${cells}`, width);
	return (
		<Text wrap="truncate" inverse={selected} dimColor={selected && !focused}>
			{line}
		</Text>
	);
});

/** The session list: the column titles, then only the rows in view. */
export function SessionTable({rows, top, height, columns, width, selectedId, focused, theme, empty}: Props) {
	const visible = rows.slice(top, top + height);
	const titles = columns.map((column) => fitCell(column.title, column)).join(' ');
	return (
		<Box flexDirection="column" width={width} height={height + 1}>
			<Text bold wrap="truncate">
				{pad(`${' '.repeat(gutter)}${titles}`, width)}
			</Text>
			{visible.map((row) => (
				<SessionRow
					key={row.key}
					row={row}
					columns={columns}
					width={width}
					selected={row.kind === 'session' && row.key === selectedId}
					focused={focused}
					theme={theme}
				/>
			))}
			{rows.length === 0 && <Text color={theme.muted}>{`  ${empty}`}</Text>}
		</Box>
	);
}
