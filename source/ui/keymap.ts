// The key map: one table that both dispatches keys and writes the key hint and
// help, so what the screen promises is what the keys do.

import type {Key} from 'ink';
import type {Command} from '../model/commands.js';


export type Binding = {
	keys: string[];
	/** How the help and the readme show the keys. */
	label: string;
	command: Command;
	description: string;
};

export const bindings: Binding[] = [
	{keys: ['down', 'j'], label: '↓ j', command: 'down', description: 'next session (scroll down in the pane)'},
	{keys: ['up', 'k'], label: '↑ k', command: 'up', description: 'previous session (scroll up in the pane)'},
	{keys: ['pagedown'], label: 'PgDn', command: 'page-down', description: 'one screen down'},
	{keys: ['pageup'], label: 'PgUp', command: 'page-up', description: 'one screen up'},
	{keys: ['home', 'g'], label: 'Home g', command: 'home', description: 'first session (top of the pane)'},
	{keys: ['end', 'G'], label: 'End G', command: 'end', description: 'last session (bottom of the pane)'},
	{keys: ['return', 'right'], label: 'Enter →', command: 'open', description: "open the session's JSON:API document"},
	{keys: ['escape', 'left'], label: 'Esc ←', command: 'close', description: 'close the pane'},
	{keys: ['tab'], label: 'Tab', command: 'focus', description: 'move focus between the list and the pane'},
	{keys: ['q', 'ctrl+c'], label: 'q', command: 'quit', description: 'quit'},
];

/** Ink's (input, key) as one name: `down`, `pagedown`, `ctrl+c`, `G`, … */
export function keyName(input: string, key: Key): string | undefined {
	const named: Array<[boolean, string]> = [
		[key.upArrow, 'up'],
		[key.downArrow, 'down'],
		[key.leftArrow, 'left'],
		[key.rightArrow, 'right'],
		[key.pageUp, 'pageup'],
		[key.pageDown, 'pagedown'],
		[key.home, 'home'],
		[key.end, 'end'],
		[key.return, 'return'],
		[key.escape, 'escape'],
		[key.tab, 'tab'],
	];
	for (const [pressed, name] of named) {
		if (pressed) {
			return name;
		}
	}

	if (key.ctrl && input.length === 1) {
		return `ctrl+${input.toLowerCase()}`;
	}

	return input.length === 1 ? input : undefined;
}

const byKey = new Map<string, Command>();
for (const binding of bindings) {
	for (const name of binding.keys) {
		byKey.set(name, binding.command);
	}
}

export function commandFor(name: string | undefined): Command | undefined {
	return name === undefined ? undefined : byKey.get(name);
}

/** The one-line hint: the commands that matter most, from the same table. */
export function keyHint(paneOpen: boolean): Array<{label: string; text: string}> {
	const wanted: Array<[Command, string]> = paneOpen
		? [['down', 'move'], ['focus', 'focus'], ['page-down', 'scroll'], ['close', 'close'], ['quit', 'quit']]
		: [['down', 'move'], ['page-down', 'page'], ['open', 'details'], ['home', 'top'], ['quit', 'quit']];
	return wanted.map(([command, text]) => {
		const binding = bindings.find((b) => b.command === command);
		const label = command === 'down' ? '↑↓' : (binding?.label.split(' ')[0] ?? '');
		return {label, text};
	});
}
