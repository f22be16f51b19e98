// A one-line strip of items (model/fit-items.ts): those that fit the width, each whole,
// in their own order. An item is styled runs of text, so its width is measured on the
// very text that is drawn.

import {Text} from 'ink';
import {fitItems} from '../model/fit-items.js';
import {cellWidth} from './cell-width.js';

export type Run = {text: string; color?: string; bold?: boolean; inverse?: boolean};

export type LineItem = {
	key: string;
	/** See FitItem: lower matters more, 0 is always shown. */
	priority: number;
	runs: Run[];
	/** What separates it from the item before; two spaces unless said. */
	gap?: string;
	/** A padded inverse badge ( PAUSED ): its own padding separates it, so one space is enough next to it. */
	badge?: boolean;
};

/** The width of an item as fitted: its gap (but the first item's, which is never drawn) and its runs. */
export function itemWidth(item: LineItem, first: boolean): number {
	let width = first ? 0 : cellWidth(item.gap ?? '  ');
	for (const run of item.runs) {
		width += cellWidth(run.text);
	}

	return width;
}

/** The items of `items` that fit `width` cells (a gap may be drawn narrower than fitted, never wider). */
export function fitLine(items: readonly LineItem[], width: number): LineItem[] {
	const measured = items.map((item, index) => ({item, width: itemWidth(item, index === 0), priority: item.priority}));
	return fitItems(measured, width).map(({item}) => item);
}

export function FittedLine({items, width}: {items: readonly LineItem[]; width: number}) {
	const shown = fitLine(items, width);
	return (
		<Text wrap="truncate">
			{shown.map((item, index) => {
				const before = shown[index - 1];
				let gap = before === undefined ? '' : (item.gap ?? '  ');
				if (gap.length > 1 && (before?.badge === true || item.badge === true)) {
					gap = ' ';
				}

				return (
					<Text key={item.key}>
						{gap}
						{item.runs.map((run, at) => (
							// eslint-disable-next-line react/no-array-index-key
							<Text key={at} color={run.color} bold={run.bold} inverse={run.inverse}>
								{run.text}
							</Text>
						))}
					</Text>
				);
			})}
		</Text>
	);
}
