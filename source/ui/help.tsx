import {Box, Text} from 'ink';
import {helpBindings, type Section} from '../model/keymap.js';
import {legend, type LegendSection} from '../model/legend.js';
import {cellWidth, fitWording} from './cell-width.js';
import {wrapText} from './status-text.js';
import type {Theme} from './theme.js';

type Props = {readonly: boolean; replay: boolean; width: number; height: number; scroll: number; theme: Theme};

const sections: Array<Section | LegendSection> = ['Move', 'Pane', 'View', 'Polling', 'Act', 'General', 'Columns', 'Signs'];

/** One line of the help: a section's title, or a key and (a line of) its description. */
type Line = {section?: string; label?: string; text?: string};

/** The narrowest a description's column gets (the screen is 40 columns at least: it has 27). */
const leastText = 12;

/**
 * The help's lines in a column `width` cells wide: each description wrapped between words,
 * its next lines under the description column, as man pages and htop's help do, rather than
 * cut. A block is a key with all its lines (a section's title goes with its first key): the
 * columns of a wide terminal never split one.
 */
function blocksOf(readonly: boolean, replay: boolean, width: number): Line[][] {
	// The keys, then what the columns and signs mean (model/legend.ts).
	const bindings: Array<{label: string; section: string; description: string}> = [...helpBindings(readonly, replay), ...legend];
	const labelWidth = Math.max(...bindings.map((binding) => cellWidth(binding.label))) + 2;
	const room = Math.max(leastText, width - 1 - labelWidth);
	const blocks: Line[][] = [];
	for (const section of sections) {
		let title: Line[] = [{section}];
		for (const binding of bindings.filter((b) => b.section === section)) {
			const [first = '', ...rest] = wrapText(binding.description, room);
			blocks.push([
				...title,
				{label: ` ${binding.label.padEnd(labelWidth)}`, text: first},
				...rest.map((text) => ({label: ' '.repeat(labelWidth + 1), text})),
			]);
			title = [];
		}
	}

	return blocks;
}

/**
 * The label for the first line in view, `lines[top]`: its own, or, scrolled into a description
 * wrapped over several lines, its key's (QA: `scroll up` showed alone at 40×7, without `↑ k`).
 */
function keyAbove(lines: readonly Line[], top: number): string {
	const own = lines[top]?.label ?? '';
	if (lines[top]?.section !== undefined || own.trim() !== '') {
		return own;
	}

	for (let above = top - 1; above >= 0; above--) {
		const label = lines[above]!.label ?? '';
		if (label.trim() !== '') {
			return label;
		}
	}

	return own;
}

/** The blocks in `count` columns of about the same height, in order. */
function columnsOf(blocks: readonly Line[][], count: number): Line[][] {
	const total = blocks.reduce((sum, block) => sum + block.length, 0);
	const target = Math.ceil(total / count);
	const columns: Line[][] = [[]];
	for (const block of blocks) {
		const column = columns.at(-1)!;
		if (column.length > 0 && column.length + block.length > target && columns.length < count) {
			columns.push([...block]);
		} else {
			column.push(...block);
		}
	}

	return count === 2 ? bySection(blocks, columns) : columns;
}

/**
 * Two columns split between sections rather than inside one, when that costs at most four
 * lines of height: a section's last key at the top of the next column read as a section of
 * its own, without a title (`C  collapse or expand every service` far from View). Two lines
 * were enough before the legend followed the keys; with it, the even split fell inside Act.
 */
function bySection(blocks: readonly Line[][], split: Line[][]): Line[][] {
	const tallest = (columns: readonly Line[][]) => Math.max(...columns.map((column) => column.length));
	let best: Line[][] | undefined;
	for (let at = 1; at < blocks.length; at++) {
		if (blocks[at]![0]?.section === undefined) {
			continue;
		}

		const columns = [blocks.slice(0, at).flat(), blocks.slice(at).flat()];
		if (best === undefined || tallest(columns) < tallest(best)) {
			best = columns;
		}
	}

	return best !== undefined && tallest(best) <= tallest(split) + 4 ? best : split;
}

/** The title in `width` cells: shorter wordings before a cut one. */
function titleOf(readonly: boolean, replay: boolean, scrolls: boolean, width: number): string {
	const scroll = scrolls ? '↑↓ scroll · ' : '';
	// A replay is read-only too; what it is says more.
	const long = replay ? ' (replay)' : readonly ? ' (read-only mode)' : '';
	const short = replay ? ' (replay)' : readonly ? ' (read-only)' : '';
	// Every key that scrolls, where it fits (QA: `G`, `End`, `PgDn` scrolled a help whose title said
	// any key but ↑↓ closed it); j k g G are the same keys in vi's letters, as the list's help says.
	const all = scrolls ? '↑↓ PgUp PgDn Home End scroll · ' : '';
	const wordings = [
		`Keys${long} · ${all}any other key closes this help`,
		`Keys${long} · ${all}other keys close`,
		`Keys${long} · ${scroll}any other key closes this help`,
		`Keys${long} · ${scroll}other keys close`,
		`Keys${short} · ${scroll}other keys close`,
		`Keys${short}${scrolls ? ' · ↑↓ scroll' : ''}`,
	];
	return fitWording(wordings, width);
}

/** Rows the help's box needs: its border, its title, a section's title and a key under it. */
const boxedRows = 5;

/** What a help one row high says (a 40×6 terminal): none of the keys would fit, so that they need more room. */
function tooShort(width: number): string {
	const wordings = ['Help needs a taller terminal: any key closes', 'Help needs more rows: any key closes', 'Help needs more rows'];
	return fitWording(wordings, width);
}

/** The help's columns at a size, and how many rows of keys it has room for. */
function laidOut(readonly: boolean, replay: boolean, width: number, height: number) {
	const boxed = height >= boxedRows;
	// Two columns on a wide terminal; what does not fit scrolls with ↑ ↓.
	const room = height - (boxed ? 3 : 1);
	const inner = boxed ? width - 2 : width;
	// One line of keys is a key, not a section's title with nothing under it.
	const blocks = (columnWidth: number) => blocksOf(readonly, replay, columnWidth).map((block) => (room < 2 ? block.filter((line) => line.section === undefined) : block));
	const single = columnsOf(blocks(inner), 1);
	const columnCount = single[0]!.length > room && width >= 110 ? 2 : 1;
	const columnWidth = Math.floor(inner / columnCount);
	const columns = columnCount === 1 ? single : columnsOf(blocks(columnWidth), columnCount);
	const perColumn = Math.max(...columns.map((column) => column.length));
	return {boxed, room, inner, columnWidth, columns, perColumn};
}

/** How far the help scrolls at this size (0: it all shows): the reducer keeps its scroll within it. */
export function helpMaxScroll(readonly: boolean, replay: boolean, width: number, height: number): number {
	if (height < 2) {
		return 0;
	}

	const {perColumn, room} = laidOut(readonly, replay, width, height);
	return Math.max(0, perColumn - room);
}

/** Whether the help scrolls at this size: the footer offers ↑↓ only then (QA: it did at 250×70, where all of it shows). */
export function helpScrolls(readonly: boolean, replay: boolean, width: number, height: number): boolean {
	return helpMaxScroll(readonly, replay, width, height) > 0;
}

/**
 * The keys, from the same table that dispatches them. Any key closes it. In a box while it
 * has room for its border, its title, a section and a key; on a shorter terminal the title
 * and the keys without the box (a border with no line inside would have the title drawn
 * over it), and one row high a line that says it needs more.
 */
export function Help({readonly, replay, width, height, scroll, theme}: Props) {
	if (height < 2) {
		return (
			<Box width={width} height={1}>
				<Text bold wrap="truncate" color={theme.accent}>
					{tooShort(width)}
				</Text>
			</Box>
		);
	}

	const {boxed, room, inner, columnWidth, columns, perColumn} = laidOut(readonly, replay, width, height);
	const top = Math.min(scroll, Math.max(0, perColumn - room));
	return (
		<Box
			flexDirection="column"
			width={width}
			height={height}
			borderStyle={boxed ? 'round' : undefined}
			borderColor={theme.accent}
		>
			<Text bold wrap="truncate" color={theme.accent}>
				{titleOf(readonly, replay, perColumn > room, inner)}
			</Text>
			<Box flexDirection="row">
				{columns.map((lines, column) => (
					// eslint-disable-next-line react/no-array-index-key
					<Box key={column} flexDirection="column" width={columnWidth}>
						{lines.slice(top, top + room).map((line, index) =>
							line.section === undefined ? (
								// eslint-disable-next-line react/no-array-index-key
								<Text key={index} wrap="truncate">
									<Text bold dimColor={index === 0 && line.label !== keyAbove(lines, top)}>
										{index === 0 ? keyAbove(lines, top) : line.label}
									</Text>
									{line.text}
								</Text>
							) : (
								<Text key={line.section} bold underline color={theme.group}>
									{line.section}
								</Text>
							),
						)}
					</Box>
				))}
			</Box>
		</Box>
	);
}
