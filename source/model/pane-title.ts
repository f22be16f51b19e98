// The pane's title line, fitted to the pane: `Session 42 · 2 changed 15-29/344`. Its parts
// leave whole rather than be cut, as the header's items do (fit-items.ts): a counter cut
// to `145-159/1…` reads as another number, so the `first-last/total` counter always stays.

import {truncate} from './sanitize.js';

/** The pane's session inside a sentence: `session 42`, `session 42 on mx2:8989`. */
export function paneSubject(pane: {title: string}): string {
	return pane.title.replace(/^Session/, 'session');
}

export type TitleParts = {
	/** `Session 42`, or `Session 42 on mx2:8989`. */
	label: string;
	/** ` · 2 changed`, ` · session ended`…, or empty. */
	status: string;
	/** Whether the status is news that can go first (changed, loading), not a state to keep (ended, last good). */
	minor: boolean;
	/** ` 15-29/344`, or empty when the whole document is in view. */
	range: string;
};

/** Characters of a host kept when the title must shorten it: its end, where the port and the last octet differ. */
const hostEnd = 10;

/**
 * The label, shorter and shorter: its host cut at the front (`on …0.0.7:8989`), `#` for
 * `Session`, then without the host, then only the id. The host goes last but one: with
 * several MaxScales the same id can live on two, and the title is what tells them apart.
 */
function shorterLabels(label: string): string[] {
	const withoutHost = label.replace(/ on .*$/, '');
	const host = / on (.*)$/.exec(label)?.[1];
	// Never starting at a separator: `…0.1:18811`, not `….0.1:18811`.
	const shortHost = host === undefined || host.length <= hostEnd + 1 ? host : `…${host.slice(-hostEnd).replace(/^[.:]/, '')}`;
	const withShortHost = shortHost === undefined ? [] : [`${withoutHost} on ${shortHost}`, `${withoutHost.replace(/^Session /, '#')} on ${shortHost}`];
	return [...new Set([label, ...withShortHost, withoutHost, withoutHost.replace(/^Session /, '#')])];
}

/**
 * The parts that fit `width` columns: the minor status leaves first, then the label
 * shortens, then the status that remains leaves, and only then is the label cut. The
 * range is never cut (at a width narrower than the range alone, Ink cuts it).
 */
export function fitTitle(parts: TitleParts, width: number): TitleParts {
	const labels = shorterLabels(parts.label);
	const attempts: Array<[string, string]> = parts.minor
		? [[parts.label, parts.status]]
		: labels.map((label) => [label, parts.status]);
	attempts.push(...labels.map((label): [string, string] => [label, '']));
	for (const [label, status] of attempts) {
		if (label.length + status.length + parts.range.length <= width) {
			return {...parts, label, status};
		}
	}

	const room = width - parts.range.length;
	return room > 0 ? {...parts, label: truncate(labels.at(-1)!, room), status: ''} : {...parts, label: '', status: '', range: parts.range.trimStart()};
}
