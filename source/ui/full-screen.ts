// The terminal is the operator's: we take the alternate screen and hand the
// normal one back exactly as it was, however we leave (q, Ctrl-C, SIGTERM,
// SIGHUP when an SSH link drops, or a crash), and for as long as Ctrl-Z has
// us stopped or the shell has us in the background.

import {asciiFrame} from './ascii-frame.js';
import {hasJobControl, inForeground} from './job-control.js';

// Bracketed paste on: a paste comes wrapped in ESC[200~ … ESC[201~, so its line
// breaks are never read as Enter, nor the rest of it as keys (ui/key-names.ts).
const enter = '\u001B[?1049h\u001B[H\u001B[2J\u001B[?2004h';
// Bracketed paste off, show the cursor, leave the alternate screen (last: a crash's
// message follows it on the normal screen).
const leave = '\u001B[?2004l\u001B[?25h\u001B[?1049l';
// Ink hides the cursor once, when it first draws: taken back, it is ours to hide again.
const hideCursor = '\u001B[?25l';
// The mouse (unless --no-mouse): button presses and the wheel (1000), reported as SGR (1006),
// whose numbers no column or row can turn into keys (ui/key-names.ts); no motion reports. Off
// again before the rest of `leave`, whatever ends the run, as bracketed paste is.
const mouseOn = '\u001B[?1000h\u001B[?1006h';
const mouseOff = '\u001B[?1006l\u001B[?1000l';

export type Screen = {restore(): void};

/** `released`: handed back (Ctrl-Z), not taken again yet: nothing of ours may reach the terminal. */
/** `mouse`: reporting asked for (--no-mouse not given); `reporting`: on now, while a click means something (mouseReporting). */
type Taken = {stdout: NodeJS.WriteStream; write: NodeJS.WriteStream['write']; redraw: Set<() => void>; released: boolean; mouse: boolean; reporting: boolean};
let taken: Taken | undefined;

/** What takes the terminal (first, and again after Ctrl-Z), mouse reporting as it is now. */
const enterOf = (screen: Taken) => (screen.reporting ? enter + mouseOn : enter);
/** What hands it back: reporting off first, whenever it may have been on. */
const leaveOf = (screen: Taken) => (screen.mouse ? mouseOff + leave : leave);

function rawMode(on: boolean): void {
	if (process.stdin.isTTY) {
		try {
			process.stdin.setRawMode(on);
		} catch {}
	}
}

/**
 * The terminal's size, read again: resized while we were stopped (or in the background),
 * we got no SIGWINCH, and Ink would go on drawing for the old size. What Node's own
 * SIGWINCH handler calls (getWindowSize() only returns the size last read): new columns
 * and rows, and 'resize' for Ink and the layout, at once. Failing that, the signal itself.
 */
function refreshSize(stdout: NodeJS.WriteStream): void {
	if (!stdout.isTTY) {
		return;
	}

	const refresh = (stdout as {_refreshSize?: () => void})._refreshSize;
	if (typeof refresh === 'function') {
		refresh.call(stdout);
	} else {
		process.kill(process.pid, 'SIGWINCH');
	}
}

/** Give the terminal back as on exit, for a while (Ctrl-Z). */
function release(screen: Taken): void {
	// Reporting off before the terminal leaves raw mode: a wheel turn between the two would be
	// echoed, then read by the shell (review).
	screen.write.call(screen.stdout, leaveOf(screen));
	rawMode(false);
	screen.released = true;
}

/** Take it again: the screen as it was left, drawn whole (Ink would only draw what changed). */
function retake(screen: Taken): void {
	if (!inForeground()) {
		// Continued in the background (`bg`, `kill %1`): the terminal stays the shell's until `fg`.
		return;
	}

	screen.released = false;
	rawMode(true);
	screen.write.call(screen.stdout, enterOf(screen) + hideCursor);
	refreshSize(screen.stdout);
	for (const redraw of screen.redraw) {
		redraw();
	}
}

/**
 * What Ink writes, in ASCII for a terminal that is not UTF-8 (ascii-frame.ts); while the
 * terminal is handed back (a poll landing, the frame it leaves on exit), nowhere.
 */
function muted(screen: Taken, ascii: boolean): NodeJS.WriteStream['write'] {
	return ((chunk: unknown, ...rest: unknown[]) => {
		if (!screen.released) {
			const text = ascii && typeof chunk === 'string' ? asciiFrame(chunk) : chunk;
			return (screen.write as (...args: unknown[]) => boolean).call(screen.stdout, text, ...rest);
		}

		const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
		if (done !== undefined) {
			queueMicrotask(done);
		}

		return true;
	}) as NodeJS.WriteStream['write'];
}

/** After a resize, how long the size must hold before the frame is drawn again whole (a window dragged sends many). */
export const resizeSettleMs = 80;

/** `ascii`: the terminal's locale is not UTF-8, so the frames go out in ASCII. `mouse`: report clicks and the wheel. */
export function takeScreen(stdout: NodeJS.WriteStream, ascii = false, mouse = false): Screen {
	const screen: Taken = {stdout, write: stdout.write, redraw: new Set(), released: false, mouse, reporting: mouse};
	stdout.write(enterOf(screen));
	stdout.write = muted(screen, ascii);
	taken = screen;
	// Continued after a stop, ours (Ctrl-Z) or another's (kill -STOP): the shell had the terminal meanwhile.
	const onContinue = () => {
		retake(screen);
	};

	process.on('SIGCONT', onContinue);
	// A resize is drawn again whole once it settles, as curses programs do: Ink erases the lines
	// of its last frame as they were, and a terminal that cut or moved them meanwhile kept pieces
	// of it (QA: above "Too small" after shrinking to 30 columns, until Ctrl-L).
	let settling: NodeJS.Timeout | undefined;
	const onResize = () => {
		clearTimeout(settling);
		settling = setTimeout(() => {
			if (!screen.released && taken === screen) {
				redrawScreen();
			}
		}, resizeSettleMs);
	};

	stdout.on('resize', onResize);
	let restored = false;
	const restore = () => {
		if (restored) {
			return;
		}

		restored = true;
		clearTimeout(settling);
		stdout.off('resize', onResize);
		process.off('SIGCONT', onContinue);
		process.off('exit', restore);
		if (taken === screen) {
			taken = undefined;
		}

		stdout.write = screen.write;
		// Handed back (ended while stopped or in the background): the terminal is as we found it already.
		if (!screen.released) {
			stdout.write(leaveOf(screen));
			rawMode(false);
		}
	};

	// The last resort: a process.exit() from anywhere (a package, a handler) skips every
	// finally. What an 'exit' listener writes to a terminal goes out at once (TTY writes are
	// synchronous), so the terminal is handed back even then.
	process.on('exit', restore);
	return {restore};
}

/**
 * Mouse reporting on or off while the screen is ours (with --no-mouse, always off): off while
 * a prompt or a question is open, where a click means nothing, so that the terminal's own
 * middle-click paste reaches the filter prompt (review). Kept for `fg` after Ctrl-Z too.
 */
export function mouseReporting(on: boolean): void {
	const screen = taken;
	if (screen === undefined || !screen.mouse || screen.reporting === on) {
		return;
	}

	screen.reporting = on;
	if (!screen.released) {
		screen.write.call(screen.stdout, on ? mouseOn : mouseOff);
	}
}

/** Ctrl-L, as in top, htop and less: the whole frame again over a cleared screen (something else wrote on it). */
export function redrawScreen(): void {
	const screen = taken;
	if (screen === undefined) {
		return;
	}

	screen.stdout.write('\u001B[H\u001B[2J');
	refreshSize(screen.stdout);
	for (const redraw of screen.redraw) {
		redraw();
	}
}

/** Call `redraw` to draw the whole frame whenever the terminal is taken back (or Ctrl-L asks); returns the undo. */
export function onRetake(redraw: () => void): () => void {
	const screen = taken;
	screen?.redraw.add(redraw);
	return () => {
		screen?.redraw.delete(redraw);
	};
}

/**
 * Ctrl-Z: give the terminal back and stop, as a shell's job would. Raw mode keeps the terminal
 * from sending SIGTSTP itself, so we do: to the whole process group, which stops `npx`'s npm
 * with us and lets the shell see the job stop; after `fg` it returns when continued and takes
 * the terminal again. Without job control (no shell to go back to, e.g. `tmux new
 * 'sessiontop'`, where the kernel would drop the signal) it keeps the terminal and says so.
 */
export function suspend(): 'stopped' | 'no-shell' | 'not-full-screen' {
	const screen = taken;
	if (screen === undefined) {
		return 'not-full-screen'; // The tests' renders: nothing to give back.
	}

	if (!hasJobControl()) {
		return 'no-shell';
	}

	release(screen);
	process.kill(0, 'SIGTSTP');
	retake(screen);
	return 'stopped';
}
