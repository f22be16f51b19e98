// Raw terminal input to key names. Ink's useInput cannot tell Backspace from the
// Delete key and drops F-keys, and kill must sit on Delete and F9 (htop's key),
// so keys are named here from the sequences themselves.

const sequences: Record<string, string> = {
	'\u001B[A': 'up',
	'\u001B[B': 'down',
	'\u001B[C': 'right',
	'\u001B[D': 'left',
	'\u001BOA': 'up',
	'\u001BOB': 'down',
	'\u001BOC': 'right',
	'\u001BOD': 'left',
	// The filter prompt moves by word with these: xterm's (and tmux's) Alt- and Ctrl-arrows,
	// Alt as an Escape before the arrow (tmux without xterm-keys); macOS's Option-← → send
	// Alt-b and Alt-f, named as every Alt key is (nameKey).
	'\u001B[1;3D': 'alt+left',
	'\u001B[1;3C': 'alt+right',
	'\u001B\u001B[D': 'alt+left',
	'\u001B\u001B[C': 'alt+right',
	'\u001B[1;5D': 'ctrl+left',
	'\u001B[1;5C': 'ctrl+right',
	'\u001B[5~': 'pageup',
	'\u001B[6~': 'pagedown',
	'\u001B[H': 'home',
	'\u001BOH': 'home',
	'\u001B[1~': 'home',
	'\u001B[7~': 'home',
	'\u001B[F': 'end',
	'\u001BOF': 'end',
	'\u001B[4~': 'end',
	'\u001B[8~': 'end',
	'\u001B[3~': 'delete',
	'\u001B[20~': 'f9',
	'\u001BOP': 'f1',
	'\u001B[11~': 'f1',
	'\u001B[[A': 'f1',
	// htop's other keys, as xterm, rxvt and the Linux console send them.
	'\u001BOR': 'f3',
	'\u001B[13~': 'f3',
	'\u001B[[C': 'f3',
	'\u001BOS': 'f4',
	'\u001B[14~': 'f4',
	'\u001B[[D': 'f4',
	'\u001B[15~': 'f5',
	'\u001B[[E': 'f5',
	'\u001B[17~': 'f6',
	'\u001B[21~': 'f10',
	'\r': 'return',
	'\n': 'return',
	'\t': 'tab',
	'\u001B': 'escape',
	'\u001B\u001B': 'escape',
	'\u007F': 'backspace',
	'\b': 'backspace',
	' ': 'space',
};

/**
 * `name` is absent for typed text. A bracketed paste is one press named `paste`, its text
 * whole in `input` (line breaks, tabs and all): never a key, so it cannot confirm a kill.
 */
export type KeyPress = {input: string; name?: string; mouse?: MouseReport};

/**
 * A mouse report (full-screen.ts turns them on: buttons, and the wheel as buttons 64 and 65),
 * `x` and `y` from 1 at the top left, as the terminal counts; `release`: a button let go.
 */
export type MouseReport = {button: number; x: number; y: number; release: boolean};

/** SGR (1006), what xterm, tmux, iTerm2, kitty, GNOME's and Windows' terminals send: `ESC[<0;12;5M`. */
const sgrMouse = /^\u001B\[<(\d+);(\d+);(\d+)([Mm])$/;

/**
 * The older X10 report, `ESC[M` and three bytes (button, column, row, each + 32), from a
 * terminal that knows 1000 and not 1006: read as one press, never as the keys its bytes
 * spell (a click at column 81 is a `q`).
 */
const x10Mouse = '\u001B[M';

function x10Report(bytes: string): MouseReport {
	const [button, x, y] = [...bytes].map((char) => (char.codePointAt(0) ?? 32) - 32) as [number, number, number];
	// Its low bits 3: a button let go, X10 does not say which.
	const release = (button & 3) === 3 && button < 64;
	return {button: release ? 0 : button, x, y, release};
}

/** One input event (a key, or a pasted run of text) to what was pressed. */
export function nameKey(data: string): KeyPress {
	const sgr = sgrMouse.exec(data);
	if (sgr !== null) {
		return {input: '', name: 'mouse', mouse: {button: Number(sgr[1]), x: Number(sgr[2]), y: Number(sgr[3]), release: sgr[4] === 'm'}};
	}

	if (data.startsWith(x10Mouse) && [...data].length === x10Mouse.length + 3) {
		return {input: '', name: 'mouse', mouse: x10Report(data.slice(x10Mouse.length))};
	}

	// Own keys only: a read of `constructor` (typed text, one read) found Object's function.
	const named = Object.hasOwn(sequences, data) ? sequences[data] : undefined;
	if (named !== undefined) {
		return {input: data === ' ' ? ' ' : '', name: named};
	}

	const code = data.codePointAt(0) ?? 0;
	if (data.length === 1 && code >= 1 && code <= 26) {
		return {input: '', name: `ctrl+${String.fromCharCode(code + 96)}`};
	}

	// Alt (Meta) as the terminal sends it, Escape then the key: a key of its own, never Esc
	// and then the key (Alt-Backspace at the prompt would clear the filter, Alt-q quit).
	if (data.length > 1 && data.startsWith('\u001B') && !/^\u001B[[O\u001B]/.test(data) && [...data].length === 2) {
		const key = data.slice(1);
		if (key === '\u007F' || key === '\b') {
			return {input: '', name: 'alt+backspace'};
		}

		return {input: '', name: /^[\u0020-\u007E]$/.test(key) ? `alt+${key}` : 'unknown'};
	}

	if (data.startsWith('\u001B')) {
		return {input: '', name: 'unknown'}; // An escape sequence we do not use: never typed text.
	}

	// Printable text: a single key (`G`, `/`) or a paste. Control bytes never pass.
	// eslint-disable-next-line no-control-regex
	return {input: data.replace(/[\u0000-\u001F\u007F-\u009F]/g, '')};
}

/**
 * Input that arrives in one piece (keys typed faster than they are read, a
 * paste, a slow SSH link) split into key presses: escape sequences whole,
 * control keys one by one, text one character at a time.
 */
export function splitKeys(data: string): KeyPress[] {
	const read = keyReader();
	const presses = read(data);
	// Alone, a paste whose end never came is still one paste, not keys.
	const rest = read.pending();
	return rest === undefined ? presses : [...presses, {input: rest, name: 'paste'}];
}

// Bracketed paste (enabled in full-screen.ts): the terminal wraps what is pasted in these.
export const pasteStart = '\u001B[200~';
export const pasteEnd = '\u001B[201~';
/** How long a paste may wait for its end marker before what follows is read as keys again. */
const pasteWaitMs = 1000;
/** How long the start of a mouse report waits for its end; a start left longer is dropped. */
const reportWaitMs = 500;

/**
 * Where `data` ends with a mouse report not whole yet, or -1. Ink's input parser hands an X10
 * report over as `ESC[M` (a whole sequence to it) and its three bytes as text apart, and flushes
 * an SGR report cut by a slow link (`ESC[<0;12` then `;5M`): read as they come, those bytes
 * were keys (two X10 clicks at columns 75 and 89 asked, then answered, a kill: review).
 */
function reportStart(data: string): number {
	const at = data.lastIndexOf('\u001B[');
	if (at === -1) {
		return -1;
	}

	const tail = data.slice(at);
	return /^\u001B\[<[\d;]*$/.test(tail) || (tail.startsWith(x10Mouse) && [...tail].length < x10Mouse.length + 3) ? at : -1;
}

export type KeyReader = {
	(data: string): KeyPress[];
	/** The text of a paste begun and not yet ended, if any. */
	pending(): string | undefined;
};

/**
 * Reads input event after event: Ink hands a paste over in pieces (the start marker, the
 * text, the end marker, and a long paste over several reads), so a paste begun in one read
 * is kept until its end marker comes, and is then one press.
 */
export function keyReader(now: () => number = Date.now): KeyReader {
	let paste: string | undefined;
	let pasteAt = 0;
	/** The start of a mouse report, kept for the rest of it (reportStart). */
	let report: string | undefined;
	let reportAt = 0;
	const read = (input: string): KeyPress[] => {
		const presses: KeyPress[] = [];
		// Never keys: a start whose end never came is dropped.
		let data = report !== undefined && now() - reportAt <= reportWaitMs ? report + input : input;
		report = undefined;
		const cut = paste === undefined ? reportStart(data) : -1;
		if (cut !== -1) {
			report = data.slice(cut);
			reportAt = now();
			data = data.slice(0, cut);
		}

		let rest = data;
		// A paste's pieces come within milliseconds. One whose end marker never came (a
		// terminal that dropped it) must not swallow every key after it, q included: a read
		// a second later without the end ends it, and is read as keys.
		if (paste !== undefined && now() - pasteAt > pasteWaitMs && !data.includes(pasteEnd)) {
			presses.push({input: paste, name: 'paste'});
			paste = undefined;
		}

		while (rest !== '') {
			if (paste !== undefined) {
				// From just before what was kept: the end marker may straddle two reads.
				const from = Math.max(0, paste.length - pasteEnd.length);
				paste += rest;
				const end = paste.indexOf(pasteEnd, from);
				if (end === -1) {
					return presses;
				}

				presses.push({input: paste.slice(0, end), name: 'paste'});
				rest = paste.slice(end + pasteEnd.length);
				paste = undefined;
				continue;
			}

			const start = rest.indexOf(pasteStart);
			presses.push(...splitPlain(start === -1 ? rest : rest.slice(0, start)));
			if (start === -1) {
				break;
			}

			paste = '';
			pasteAt = now();
			rest = rest.slice(start + pasteStart.length);
		}

		return presses;
	};

	return Object.assign(read, {pending: () => paste});
}

function splitPlain(data: string): KeyPress[] {
	if (data === '') {
		return [];
	}

	if (Object.hasOwn(sequences, data) || data.length <= 1) {
		return [nameKey(data)];
	}

	const presses: KeyPress[] = [];
	let i = 0;
	while (i < data.length) {
		let end = i + 1;
		// Alt and a sequence (tmux without xterm-keys): Escape before the CSI or SS3, one press.
		const alt = data[i] === '\u001B' && data[i + 1] === '\u001B' && (data[i + 2] === '[' || data[i + 2] === 'O') ? 1 : 0;
		if (data[i] === '\u001B' && (data[i + 1 + alt] === '[' || data[i + 1 + alt] === 'O')) {
			// CSI: parameters, then one final byte from @ to ~; SS3: one more byte.
			end = i + 2 + alt;
			if (data[i + 1 + alt] === '[') {
				while (end < data.length && !/[@-~]/.test(data[end]!)) {
					end++;
				}
			}

			end = Math.min(data.length, end + 1);
			// An X10 mouse report: its three bytes after `ESC[M` are the report's, not keys.
			if (data.slice(i, end) === x10Mouse) {
				end = Math.min(data.length, end + 3);
			}
		} else if (data[i] === '\u001B' && data[i + 1] === '\u001B') {
			end = i + 2;
		} else if (data[i] === '\u001B' && i + 1 < data.length) {
			// Alt and a key (Escape before it, in the same read): one press.
			const code = data.codePointAt(i + 1) ?? 0;
			end = i + 1 + (code > 0xff_ff ? 2 : 1);
		} else {
			const code = data.codePointAt(i) ?? 0;
			end = i + (code > 0xff_ff ? 2 : 1);
		}

		presses.push(nameKey(data.slice(i, end)));
		i = end;
	}

	return presses;
}
