// One read from the terminal: the keys typed ahead in it act in turn (`K` then `yy` over a
// slow link kills, then copies), except at the filter prompt, where a run of text is one
// edit and one re-filter, and text with a line break inside it is a paste from a terminal
// without bracketed paste: its line breaks become spaces rather than Enter, so the rest of
// it is never read as keys in the list (`report⏎Kyle` would kill a session). All but one
// shape: text, one Enter and one key that acts only on the screen is what typing ahead makes
// (`user:etl⏎*` while the screen was busy: keep the filter, mark what it kept). Not a key that
// acts beyond it (q quits, y copies, s and W write files): from a paste whose last line is
// that one character, it would act unasked.

import {bindingFor, type Command} from './keymap.js';
import type {Action, MonitorState} from './monitor-state.js';

export type Key = {input: string; name?: string};

const isText = (key: Key): boolean => (key.name === undefined ? key.input !== '' : key.name === 'space');
const isBreak = (key: Key): boolean => key.name === 'return' || key.name === 'tab';

/** Commands whose effect leaves the screen: the process ends, the clipboard or a file is written. */
const beyondScreen = new Set<Command>(['quit', 'copy', 'save', 'record']);
/** A key typed ahead after Enter at the prompt that only moves, marks, sorts or asks (K and R ask before acting). */
const onScreenOnly = (key: Key): boolean => {
	const command = bindingFor(key.name ?? key.input)?.command;
	return command === undefined || !beyondScreen.has(command);
};

/** At the filter prompt, the keys from `start` on taken as one (and where they end), or undefined for one key as it is. */
export function filterRun(keys: readonly Key[], start: number): {key: Key; end: number} | undefined {
	// Enter first is Enter, whatever follows it in the read (`⏎p` typed fast keeps the filter, then pauses).
	const first = keys[start];
	if (first === undefined || !isText(first)) {
		return undefined;
	}

	let end = start;
	let lastText = start;
	let breaks = false;
	/** A line break with text on both sides of it. */
	let inside = false;
	for (; end < keys.length; end++) {
		const key = keys[end]!;
		if (isText(key)) {
			inside ||= breaks;
			lastText = end;
		} else if (isBreak(key)) {
			breaks = true;
		} else {
			break;
		}
	}

	if (inside) {
		const enter = end - 2;
		if (keys[enter]?.name === 'return' && keys.slice(start, enter).every((key) => isText(key)) && onScreenOnly(keys[end - 1]!)) {
			// Text, Enter, one key: typed ahead. The text is one edit, then Enter and the key as they are.
			return enter - start > 1 ? {key: {input: keys.slice(start, enter).map((key) => key.input || ' ').join('')}, end: enter} : undefined;
		}

		const text = keys.slice(start, end).map((key) => (isText(key) ? key.input || ' ' : ' ')).join('');
		return {key: {input: text, name: 'paste'}, end};
	}

	// Text typed ahead: one edit; an Enter at the end of it ("user:bob⏎" typed fast) still keeps the filter.
	if (lastText > start) {
		return {key: {input: keys.slice(start, lastText + 1).map((key) => key.input || ' ').join('')}, end: lastText + 1};
	}

	return undefined;
}

/**
 * A terminal sends Alt and a key as Esc then the key, and so arrive Esc and a key typed fast
 * over a slow link (Esc to close the pane, then j): read as Alt, the Esc was lost, and what
 * was typed next went to the list. Where Alt means nothing (anywhere but the filter prompt,
 * whose Alt-b, -f, -d and -Backspace edit), they are the two keys.
 */
function escapeThen(key: Key): Key[] {
	const typed = key.name !== undefined && /^alt\+.$/u.test(key.name) ? key.name.slice(4) : undefined;
	return typed === undefined ? [key] : [{input: '', name: 'escape'}, typed === ' ' ? {input: ' ', name: 'space'} : {input: typed}];
}

/** The keys of one read, each in the mode the one before it left. */
export function readKeys(state: MonitorState, keys: readonly Key[], reduce: (state: MonitorState, action: Action) => MonitorState): MonitorState {
	let next = state;
	for (let index = 0; index < keys.length; ) {
		// The filter's prompt and the pane's search are read alike: text typed ahead is one edit, Alt edits.
		const prompt = next.mode === 'filter' || next.mode === 'search';
		const run = prompt ? filterRun(keys, index) : undefined;
		const key = run?.key ?? keys[index]!;
		for (const each of prompt ? [key] : escapeThen(key)) {
			next = reduce(next, {type: 'key', input: each.input, name: each.name});
		}

		index = run?.end ?? index + 1;
	}

	return next;
}
