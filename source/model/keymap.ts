// The key map: one table that dispatches keys and writes the key hint, the help
// screen and the readme's Keys table, so what the screen promises is what the
// keys do. Key names come from ui/key-names.ts (`down`, `pagedown`, `ctrl+c`, `G`).

export type Command =
	| 'down'
	| 'up'
	| 'page-down'
	| 'page-up'
	| 'home'
	| 'end'
	| 'open'
	| 'expand'
	| 'back'
	| 'close'
	| 'focus'
	| 'zoom'
	| 'filter'
	| 'search-next'
	| 'sort-next'
	| 'sort-prev'
	| 'sort-reverse'
	| 'sort-memory'
	| 'sort-age'
	| 'sort-idle'
	| 'sort-id'
	| 'grouping'
	| 'collapse'
	| 'collapse-all'
	| 'statements'
	| 'pause'
	| 'step-back'
	| 'step-forward'
	| 'refresh'
	| 'slower'
	| 'faster'
	| 'mark'
	| 'mark-shown'
	| 'unmark-all'
	| 'kill'
	| 'restart'
	| 'log'
	| 'copy'
	| 'save'
	| 'record'
	| 'help'
	| 'suspend'
	| 'redraw'
	| 'quit';

export type Section = 'Move' | 'Pane' | 'View' | 'Polling' | 'Act' | 'General';

export type Binding = {
	keys: string[];
	/** How the help and the readme show the keys. */
	label: string;
	command: Command;
	description: string;
	section: Section;
	/** Left out of the help (and refused) with --readonly. */
	writes?: boolean;
	/** Only where it does something: polling keys in a live monitor, stepping keys in a replay. */
	only?: 'live' | 'replay';
};

export const bindings: Binding[] = [
	{keys: ['down', 'j'], label: '↓ j', command: 'down', section: 'Move', description: 'next row; in the pane, scroll down'},
	{keys: ['up', 'k'], label: '↑ k', command: 'up', section: 'Move', description: 'previous row; in the pane, scroll up'},
	{keys: ['pagedown'], label: 'PgDn', command: 'page-down', section: 'Move', description: 'one screen down (in the pane, Space too)'},
	{keys: ['pageup'], label: 'PgUp', command: 'page-up', section: 'Move', description: 'one screen up'},
	{keys: ['home', 'g'], label: 'Home g', command: 'home', section: 'Move', description: 'first row; in the pane, the top'},
	{keys: ['end', 'G'], label: 'End G', command: 'end', section: 'Move', description: 'last row; in the pane, the bottom'},
	{keys: ['return'], label: 'Enter', command: 'open', section: 'Pane', description: 'open the JSON:API document, or toggle a group'},
	// As in a tree: → only ever opens, ← only ever closes; pressed twice, → leaves a group open.
	{keys: ['right'], label: '→', command: 'expand', section: 'Pane', description: 'open the JSON:API document, or expand a group'},
	{keys: ['left'], label: '←', command: 'back', section: 'Pane', description: 'close the pane; else to the group, collapse it, then up'},
	{keys: ['escape'], label: 'Esc', command: 'close', section: 'Pane', description: 'close the pane, else clear the filter or marks'},
	{keys: ['tab'], label: 'Tab', command: 'focus', section: 'Pane', description: 'focus the list or the pane'},
	{keys: ['z'], label: 'z', command: 'zoom', section: 'Pane', description: 'zoom the pane to the whole width, or back'},
	{keys: ['n'], label: 'n', command: 'search-next', section: 'Pane', description: 'in the pane, the next match of / (N: before)'},
	{keys: ['/', 'f3', 'f4'], label: '/ F3 F4', command: 'filter', section: 'View', description: 'filter: text user:app idle>60 !term /regex/'},
	{keys: ['>', 'f6'], label: '> F6', command: 'sort-next', section: 'View', description: 'sort by the next column'},
	{keys: ['<'], label: '<', command: 'sort-prev', section: 'View', description: 'sort by the previous column'},
	{keys: ['I'], label: 'I', command: 'sort-reverse', section: 'View', description: 'reverse the sort'},
	// htop's: M by memory, T by time, N by number (its PID); again, the other way.
	{keys: ['M'], label: 'M', command: 'sort-memory', section: 'View', description: 'sort by memory, largest first (again: reversed)'},
	{keys: ['T'], label: 'T', command: 'sort-age', section: 'View', description: 'sort by age, oldest first (again: reversed)'},
	{keys: ['i'], label: 'i', command: 'sort-idle', section: 'View', description: 'sort by idle time, idlest first (again: reversed)'},
	{keys: ['N'], label: 'N', command: 'sort-id', section: 'View', description: 'sort by id (again: reversed)'},
	{keys: ['t', 'f5'], label: 't F5', command: 'grouping', section: 'View', description: 'group by service+state, service, user, client, MaxScale, or none'},
	{keys: ['c'], label: 'c', command: 'collapse', section: 'View', description: 'collapse or expand the group'},
	{keys: ['C'], label: 'C', command: 'collapse-all', section: 'View', description: 'collapse or expand every group'},
	{keys: ['S'], label: 'S', command: 'statements', section: 'View', description: "show or hide each session's last statement and its run time"},
	{keys: ['p'], label: 'p', command: 'pause', section: 'Polling', description: 'pause or resume polling'},
	{keys: ['r'], label: 'r', command: 'refresh', section: 'Polling', description: 'poll now', only: 'live'},
	{keys: ['['], label: '[', command: 'step-back', section: 'Polling', description: 'replay: one poll back in time', only: 'replay'},
	{keys: [']'], label: ']', command: 'step-forward', section: 'Polling', description: 'replay: one poll forward in time', only: 'replay'},
	{keys: ['+'], label: '+', command: 'slower', section: 'Polling', description: 'poll less often (up to 60 s)', only: 'live'},
	{keys: ['-'], label: '-', command: 'faster', section: 'Polling', description: 'poll more often (down to 0.5 s)', only: 'live'},
	{keys: ['space'], label: 'Space', command: 'mark', section: 'Act', description: 'mark or unmark, then move down; on a group, all of it'},
	{keys: ['*'], label: '*', command: 'mark-shown', section: 'Act', description: 'mark every session shown, or unmark them'},
	{keys: ['u'], label: 'u', command: 'unmark-all', section: 'Act', description: 'unmark every session'},
	{keys: ['K', 'delete', 'f9'], label: 'K Del F9', command: 'kill', section: 'Act', description: 'kill the session or the marked ones (asks first)', writes: true},
	{keys: ['R'], label: 'R', command: 'restart', section: 'Act', description: 'restart the session or marked ones (asks first)', writes: true},
	{keys: ['L'], label: 'L', command: 'log', section: 'Act', description: "the session's own info log on or off (asks)", writes: true},
	{keys: ['y'], label: 'y', command: 'copy', section: 'Act', description: "copy the document (or the id), over SSH too"},
	{keys: ['s'], label: 's', command: 'save', section: 'Act', description: 'save the list and the document to a file'},
	{keys: ['W'], label: 'W', command: 'record', section: 'Act', description: 'record every poll to a file, for --replay (again: stop)', only: 'live'},
	// h too, as in pg_activity and htop (no h moves here: j and k do).
	{keys: ['?', 'h', 'f1'], label: '? h F1', command: 'help', section: 'General', description: 'this help, and what the columns and signs mean'},
	{keys: ['ctrl+l'], label: 'Ctrl-L', command: 'redraw', section: 'General', description: 'draw the whole screen again'},
	{keys: ['ctrl+z'], label: 'Ctrl-Z', command: 'suspend', section: 'General', description: 'suspend to the shell (fg comes back), if there is one'},
	// A row of its own: in the others' label it would widen the help's key column on every line.
	{keys: ['f10'], label: 'F10', command: 'quit', section: 'General', description: 'quit, as in htop'},
	{keys: ['q', 'ctrl+c'], label: 'q Ctrl-C', command: 'quit', section: 'General', description: 'quit (q with the pane open closes it)'},
];

const byKey = new Map<string, Binding>();
for (const binding of bindings) {
	for (const name of binding.keys) {
		byKey.set(name, binding);
	}
}

export function bindingFor(name: string | undefined): Binding | undefined {
	return name === undefined ? undefined : byKey.get(name);
}

/** The bindings the help shows: without kill and restart in read-only mode or a replay, and only the polling or the stepping keys. */
export function helpBindings(readonly: boolean, replay = false): Binding[] {
	const mode = replay ? 'replay' : 'live';
	return bindings.filter((binding) => !((readonly || replay) && binding.writes) && (binding.only === undefined || binding.only === mode));
}

/**
 * Where the keys act: `list` (on a session row), `group` (on a group row, where Enter toggles
 * it), each `-pane` with the pane open beside the list but the list focused (the keys still
 * move the list; Tab and Esc reach the pane), `pane` (the pane focused: the keys scroll it), and
 * `zoomed` (the pane over the whole width, z).
 */
export type HintSituation = 'list' | 'group' | 'list-pane' | 'group-pane' | 'pane' | 'zoomed' | 'empty' | 'filtered-out' | 'filter' | 'search' | 'confirm-kill' | 'confirm-restart' | 'confirm-log' | 'help';

export type Hint = {
	label: string;
	text: string;
	/**
	 * Lower matters more: at a narrow width the footer leaves out the highest first, whole
	 * (model/fit-items.ts). 0 always shows: quit and help as in htop, whose help lists the rest;
	 * and the answers to a prompt.
	 */
	priority: number;
};

/**
 * The one-line hint: the commands that matter most in this situation; read-only, no kill;
 * paused, p resumes; in a replay (read-only too), the steps through time in kill's place;
 * `searching`, the pane's search kept, n and N in the pane.
 */
export function keyHint(situation: HintSituation, readonly = false, paused = false, replay = false, searching = false): Hint[] {
	// Left out first in the list: the arrows (every terminal user tries them), then the sort (its arrow is in the title).
	const hints: Record<HintSituation, Array<[string, string, number]>> = {
		list: [['↑↓', 'move', 6], ['Enter', 'details', 1], ['/', 'filter', 2], ['<>', 'sort', 5], ['K', 'kill', 3], ['p', 'pause', 4], ['?', 'help', 0], ['q', 'quit', 0]],
		// K acts on sessions, not groups: on a group row Space marks the whole of it, for K after.
		group: [['↑↓', 'move', 6], ['Enter', 'toggle', 1], ['/', 'filter', 2], ['<>', 'sort', 5], ['Space', 'mark all', 3], ['p', 'pause', 4], ['?', 'help', 0], ['q', 'quit', 0]],
		// The pane follows the cursor: the keys move the list, Tab gives the pane the arrows.
		// With the pane open q closes it, as less and htop's side screens close on q (QA: it quit,
		// filter and marks gone); Esc too. Ctrl-C and F10 still quit.
		'list-pane': [['↑↓', 'move', 5], ['Tab', 'to pane', 3], ['z', 'zoom', 6], ['y', 'copy', 2], ['/', 'filter', 4], ['?', 'help', 0], ['q', 'close', 0]],
		'group-pane': [['↑↓', 'move', 5], ['Enter', 'toggle', 2], ['Tab', 'to pane', 3], ['/', 'filter', 4], ['?', 'help', 0], ['q', 'close', 0]],
		pane: [['↑↓ PgDn', 'scroll', 4], ['/', 'search', 5], ['Tab', 'to list', 3], ['z', 'zoom', 6], ['y', 'copy', 2], ['?', 'help', 0], ['q', 'close', 0]],
		// The list hidden: z or Tab bring it back.
		zoomed: [['↑↓ PgDn', 'scroll', 4], ['/', 'search', 5], ['z', 'unzoom', 2], ['y', 'copy', 3], ['?', 'help', 0], ['q', 'close', 0]],
		// No rows: nothing to open, mark or kill. The filter hiding them all, Esc brings them back.
		empty: [['r', 'poll now', 1], ['/', 'filter', 3], ['p', 'pause', 2], ['?', 'help', 0], ['q', 'quit', 0]],
		'filtered-out': [['Esc', 'clear filter', 1], ['/', 'edit filter', 2], ['p', 'pause', 3], ['?', 'help', 0], ['q', 'quit', 0]],
		// Ctrl-P only while there is a filter kept to go back to (ui/footer.tsx).
		filter: [['Enter', 'keep', 0], ['Esc', 'clear', 0], ['↑↓', 'move', 1], ['Ctrl-P Ctrl-N', 'earlier filters', 2]],
		// Kept, the search goes on with n and N (they are text while the prompt is open).
		search: [['Enter', 'keep (n N: next, before)', 0], ['Esc', 'clear', 0], ['↑↓', 'scroll', 1]],
		// Only a kill takes a grace period (DELETE ?ttl=N); MaxScale's restart call takes none.
		'confirm-kill': [['y', 'yes', 0], ['n Enter Esc', 'no', 0], ['0-9', 'grace seconds', 1]],
		'confirm-restart': [['y', 'yes', 0], ['n Enter Esc', 'no', 0]],
		// A log level's two answers, and the way out of both.
		'confirm-log': [['y', 'on', 0], ['n', 'off', 0], ['Enter Esc', 'leave it', 0]],
		// The help takes every key: the arrows scroll it, any other closes it (q too), Ctrl-C quits.
		help: [['↑↓ PgDn', 'scroll', 1], ['any other key', 'close', 0], ['Ctrl-C', 'quit', 0]],
	};
	// A replay steps where a live monitor kills or polls.
	let list: Array<[string, string, number]> = replay ? hints[situation].map((hint) => (hint[0] === 'K' || hint[0] === 'r' ? ['[ ]', 'step', hint[2]] : hint)) : hints[situation];
	// A search kept in the pane: n and N go on with it (/ is in the help), as less's footer would
	// say, and before the arrows on a narrow terminal (QA: at 80 columns they left it out).
	if (searching && (situation === 'pane' || situation === 'zoomed')) {
		list = list.map((hint) => (hint[0] === '/' ? ['n N', 'next match', 3] : hint));
	}

	// Paused, the way back is named wherever the list's keys work (QA: the pane's hints had no p).
	if (paused && !['filter', 'search', 'confirm-kill', 'confirm-restart', 'confirm-log', 'help'].includes(situation) && !list.some(([label]) => label === 'p')) {
		list = [...list.slice(0, -2), ['p', 'resume', 1], ...list.slice(-2)];
	}

	return list
		.filter(([label]) => !(readonly && label === 'K'))
		.map(([label, text, priority]) => ({label, text: paused && label === 'p' ? 'resume' : text, priority}));
}
