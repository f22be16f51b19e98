// The filters kept this run, for the prompt's Ctrl-P and Ctrl-N (readline's previous-history
// and next-history): an operator goes back and forth between a few (`user:etl`, `idle>1h`,
// `state:stopping`), and ↑ ↓ are the list's while the prompt is open. This run's only: a
// filter can name users and client addresses, and nothing of a session is written to disk
// unless the operator asks (s, W).

export type FilterHistory = {
	/** Oldest first, each text once: its latest keeping moves it to the end. */
	readonly entries: readonly string[];
	/** Going through them: the entry on the line, and the line as it was before the first Ctrl-P. */
	readonly at?: number;
	readonly draft?: string;
};

/** More than an operator goes back through; bounds what a long run keeps. */
export const maxFilterHistory = 100;

export const noFilterHistory: FilterHistory = {entries: []};

/** `text` kept (Enter, Tab), as the newest; a blank line is no filter to go back to. */
export function remembered(history: FilterHistory, text: string): FilterHistory {
	if (text.trim() === '') {
		return stopped(history);
	}

	const entries = [...history.entries.filter((entry) => entry !== text), text];
	return {entries: entries.length > maxFilterHistory ? entries.slice(-maxFilterHistory) : entries};
}

/** No longer going through the entries (the line edited, the prompt left): the next Ctrl-P starts from the newest. */
export function stopped(history: FilterHistory): FilterHistory {
	return history.at === undefined ? history : {entries: history.entries};
}

/**
 * One step back (Ctrl-P, -1) or forward (Ctrl-N, 1) from `line`: the text to put on the line and
 * the history after the step; undefined where there is none to go to (readline rings the bell).
 * Forward past the newest brings back the line as typed before the first step.
 */
export function recalled(history: FilterHistory, line: string, step: -1 | 1): {text: string; history: FilterHistory} | undefined {
	const {entries} = history;
	if (history.at === undefined) {
		// The newest is often the filter on the line (kept, then / again): the step goes past it.
		const from = entries.at(-1) === line ? entries.length - 2 : entries.length - 1;
		return step === 1 || from < 0 ? undefined : {text: entries[from]!, history: {entries, at: from, draft: line}};
	}

	const at = history.at + step;
	if (at < 0) {
		return undefined;
	}

	if (at >= entries.length) {
		return {text: history.draft ?? '', history: {entries}};
	}

	return {text: entries[at]!, history: {...history, at}};
}

/** Whether Ctrl-P or Ctrl-N has anything to put on `line` (the prompt's hint names them only then). */
export function canRecall(history: FilterHistory, line: string): boolean {
	return history.at !== undefined || recalled(history, line, -1) !== undefined;
}
