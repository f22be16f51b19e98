// End-to-end harness: run a program (by default the built sessiontop,
// `node build/cli.js …`) in a real pseudo-terminal, feed everything it writes
// into a headless xterm of the same size, type keys at it and read the screen
// the way a person sees it. After it exits, tell whether it left the terminal
// as it found it: the normal screen, a visible cursor, bracketed paste off, and
// cooked (not raw) input mode.
//
// The program runs under pty-wrapper.mjs, which stays in the terminal around
// it and reports the program's pid, its exit status and `stty -a` from before
// the start and after the exit (see that file).

import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import os from 'node:os';
import process from 'node:process';
import {spawn, type IPty} from '@lydell/node-pty';
import xtermHeadless from '@xterm/headless';

const {Terminal} = xtermHeadless;
type XTerm = InstanceType<typeof Terminal>;

/** The project's root: the pty's working directory. */
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const wrapperPath = fileURLToPath(new URL('pty-wrapper.mjs', import.meta.url));
/** The binary under test: build/cli.js, or another build named by SESSIONTOP_E2E_CLI. */
export const cliPath = process.env['SESSIONTOP_E2E_CLI'] ?? fileURLToPath(new URL('../../build/cli.js', import.meta.url));

/** What a terminal sends for each key (one table for the Ink and the pty tests). */
export {keys} from '../helpers/ink.js';

/** The longest any single wait may take. */
export const maxWaitMs = 15_000;

export type PtyOptions = {
	/** Arguments for `node build/cli.js`. */
	args: string[];
	cols: number;
	rows: number;
	/** Added to (or, when undefined, removed from) the environment. */
	env?: Record<string, string | undefined>;
	/** Run this instead of `node build/cli.js` (e.g. for testing the harness itself). */
	command?: {file: string; args: string[]};
};

export type Exit = {
	/** The program's exit code, or null when a signal ended it. */
	exitCode: number | null;
	/** The signal that ended the program, or null when it exited. */
	signal: NodeJS.Signals | null;
	/** False when the wrapper could not report (it died, or the harness killed everything): then this is the wrapper's own exit. */
	reported: boolean;
};

export type Stty = {
	/** The raw `stty -a` text. */
	text: string;
	/** Every boolean setting, by name: `icanon` → true, `-icanon` → false. */
	flags: Map<string, boolean>;
};

export type TerminalState = {
	/** The screen after everything the program wrote. */
	screen: string;
	/** The alternate screen buffer is the active one. */
	alternateScreen: boolean;
	/** Last DECTCEM in the output was `ESC[?25l` (hide). */
	cursorHidden: boolean;
	/** Xterm's own idea of whether the cursor is hidden, where its internals expose it. */
	xtermCursorHidden: boolean | undefined;
	/** How often the output entered (`ESC[?1049h`, `?1047h`, `?47h`) and left the alternate screen. */
	alternateEnters: number;
	alternateLeaves: number;
	/** Bracketed paste (`ESC[?2004h`) is on: left on, the shell gets every paste wrapped in ESC[200~ … ESC[201~. */
	bracketedPaste: boolean;
	/** How often the output turned bracketed paste on and off. */
	bracketedPasteOn: number;
	bracketedPasteOff: number;
	/** Mouse reporting is on (`ESC[?1000h` and the like): left on, a click in the shell prints `^[[<0;12;5M`. */
	mouseTracking: boolean;
	/** How often the output turned mouse reporting (1000) on. */
	mouseOn: number;
	/** Terminal settings before the program started and after it exited. */
	sttyBefore: Stty | undefined;
	sttyAfter: Stty | undefined;
	/** Settings that differ between before and after (empty when the terminal was handed back as it was). */
	sttyChanged: string[];
	/** Cooked mode after exit: `icanon`, `echo`, `isig`, `icrnl`, `ixon` and `iexten` all on. */
	cooked: boolean;
};

export type Pty = {
	/** The visible viewport, one line per row, trailing spaces trimmed. Waits for pending output to be parsed. */
	screen(): Promise<string>;
	/**
	 * Viewport rows (0-based) that continue the row above because output ran
	 * past the right margin: a program that fits its output to the width has none.
	 */
	wrappedRows(): Promise<number[]>;
	/** Wait until the screen matches; resolves with the screen, rejects (showing the screen) after timeoutMs. */
	waitFor(match: ((screen: string) => boolean) | RegExp | string, timeoutMs?: number): Promise<string>;
	/** Type: send these bytes to the program. */
	write(data: string): void;
	/** Resize the pty (the program gets SIGWINCH) and the xterm, in step with the output already received. */
	resize(cols: number, rows: number): Promise<void>;
	/** Send a signal to the program itself (not to the wrapper). */
	kill(signal: NodeJS.Signals): void;
	/**
	 * Close the terminal under the program, as when its window closes or an SSH
	 * link drops: the kernel sends SIGHUP, and nothing more can be read or written.
	 */
	hangup(): void;
	/** The program's process is still there (and not a zombie). */
	running(): boolean;
	/** The program's exit, once the wrapper has reported it. */
	exited: Promise<Exit>;
	/** The state the terminal was left in; call after `exited`. */
	terminalState(): Promise<TerminalState>;
	/** Everything the program wrote, escape sequences included. */
	rawOutput(): string;
	/** The program's pid, once started. */
	pid(): number | undefined;
	readonly cols: number;
	readonly rows: number;
	/** Kill whatever still runs and release the terminal: safe to call any time, more than once. */
	dispose(): void;
};

type Report =
	| {event: 'start'; pid: number; sttyBefore: string}
	| {event: 'error'; message: string}
	| {event: 'exit'; exitCode: number | null; signal: NodeJS.Signals | null; sttyAfter: string};

// eslint-disable-next-line no-control-regex
const reportPattern = /\u001B\]7770;(.*?)\u0007/g;

export function parseStty(text: string): Stty {
	const flags = new Map<string, boolean>();
	for (const token of text.split(/[\s;]+/)) {
		const match = /^(-?)([a-z][a-z\d]*)$/.exec(token);
		if (match) {
			flags.set(match[2]!, match[1] === '');
		}
	}

	return {text, flags};
}

const cookedFlags = ['icanon', 'echo', 'isig', 'icrnl', 'ixon', 'iexten'];

export function isCooked(stty: Stty | undefined): boolean {
	return stty !== undefined && cookedFlags.every((flag) => stty.flags.get(flag) === true);
}

/** DECTCEM: the last `ESC[?25h` / `ESC[?25l` wins. */
export function lastCursorVisibility(raw: string): 'shown' | 'hidden' | undefined {
	let result: 'shown' | 'hidden' | undefined;
	// eslint-disable-next-line no-control-regex
	for (const match of raw.matchAll(/\u001B\[\?25([hl])/g)) {
		result = match[1] === 'l' ? 'hidden' : 'shown';
	}

	return result;
}

function count(raw: string, pattern: RegExp): number {
	return [...raw.matchAll(pattern)].length;
}

function signalName(signal: number): NodeJS.Signals {
	const entry = Object.entries(os.constants.signals).find(([, number]) => number === signal);
	return (entry?.[0] ?? `SIG${signal}`) as NodeJS.Signals;
}

/** Whether a process exists and is not a zombie (nobody may reap orphans in a container). */
export function processRunning(pid: number): boolean {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// `pid (comm) state …`: comm may hold spaces and parentheses.
		return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
	} catch {
		return false;
	}
}

function delay(ms: number): Promise<void> {
	return new Promise((resolve) => {
		setTimeout(resolve, ms);
	});
}

/** The environment a program gets in the pty: this one, less what would change how it draws, plus `env` (undefined removes). */
export function ptyEnvironment(env: Record<string, string | undefined> = {}): Record<string, string> {
	const childEnv: Record<string, string> = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (value !== undefined) {
			childEnv[name] = value;
		}
	}

	// Ink renders one final frame only when it thinks it runs in CI (CI=true is
	// set for the project's CI run); the test runner marks its own children.
	for (const name of ['CI', 'CONTINUOUS_INTEGRATION', 'NO_COLOR', 'FORCE_COLOR', 'NODE_TEST_CONTEXT', 'NODE_OPTIONS']) {
		delete childEnv[name];
	}

	childEnv['TERM'] = 'xterm-256color';
	// A UTF-8 locale, as the tests read the screen's glyphs (▶, ●): without one the screen is
	// drawn in ASCII (ui/ascii-frame.ts), and a CI machine may have none set.
	delete childEnv['LC_ALL'];
	delete childEnv['LC_CTYPE'];
	childEnv['LANG'] = 'C.UTF-8';
	for (const [name, value] of Object.entries(env)) {
		if (value === undefined) {
			delete childEnv[name];
		} else {
			childEnv[name] = value;
		}
	}

	return childEnv;
}

export function startPty({args, cols, rows, env = {}, command}: PtyOptions): Pty {
	const childEnv = ptyEnvironment(env);
	const program = command ?? {file: process.execPath, args: [cliPath, ...args]};
	const terminal: XTerm = new Terminal({cols, rows, allowProposedApi: true, scrollback: 1000});
	const pty: IPty = spawn(process.execPath, [wrapperPath, program.file, ...program.args], {
		// node-pty sets TERM to this name, whatever env says.
		name: childEnv['TERM'] ?? 'xterm-256color',
		cols,
		rows,
		cwd: projectRoot,
		env: childEnv,
	});

	// What a person sees. Ink brackets each frame in synchronized-output mode
	// (`ESC[?2026h` … `ESC[?2026l`), during which a real terminal keeps showing
	// the previous frame: so do we, and never read a half-drawn frame.
	let snapshot: {lines: string[]; wrapped: number[]} = {lines: [], wrapped: []};
	let syncSince: number | undefined;
	const takeSnapshot = () => {
		const buffer = terminal.buffer.active;
		const lines: string[] = [];
		const wrapped: number[] = [];
		for (let y = 0; y < terminal.rows; y++) {
			const line = buffer.getLine(buffer.viewportY + y);
			lines.push(line?.translateToString(true) ?? '');
			if (line?.isWrapped) {
				wrapped.push(y);
			}
		}

		snapshot = {lines, wrapped};
	};

	const isSync = (params: Array<number | number[]>) => params.includes(2026);
	terminal.parser.registerCsiHandler({prefix: '?', final: 'h'}, (params) => {
		if (isSync(params)) {
			syncSince ??= Date.now();
		}

		return false;
	});
	terminal.parser.registerCsiHandler({prefix: '?', final: 'l'}, (params) => {
		if (isSync(params)) {
			// Called before xterm applies the sequence: the frame is complete.
			takeSnapshot();
			syncSince = undefined;
		}

		return false;
	});
	takeSnapshot();

	let raw = '';
	let scanned = 0;
	let lastWrite: Promise<void> = Promise.resolve();
	let appPid: number | undefined;
	let sttyBefore: string | undefined;
	let sttyAfter: string | undefined;
	let ptyClosed = false;
	let disposed = false;
	let size = {cols, rows};
	const listeners = new Set<() => void>();

	let resolveExit!: (exit: Exit) => void;
	const exited = new Promise<Exit>((resolve) => {
		resolveExit = resolve;
	});
	let exitSettled = false;
	const settleExit = (exit: Exit) => {
		if (!exitSettled) {
			exitSettled = true;
			resolveExit(exit);
			for (const listener of listeners) {
				listener();
			}
		}
	};

	const handleReport = (report: Report) => {
		switch (report.event) {
			case 'start': {
				appPid = report.pid;
				sttyBefore = report.sttyBefore;
				break;
			}

			case 'error': {
				settleExit({exitCode: 127, signal: null, reported: true});
				break;
			}

			case 'exit': {
				sttyAfter = report.sttyAfter;
				// The screen must show everything written before the exit first.
				const exit = {exitCode: report.exitCode, signal: report.signal, reported: true};
				void lastWrite.then(() => {
					settleExit(exit);
				});
				break;
			}
		}
	};

	pty.onData((data) => {
		if (disposed) {
			return;
		}

		raw += data;
		lastWrite = new Promise((resolve) => {
			terminal.write(data, () => {
				if (!terminal.modes.synchronizedOutputMode) {
					takeSnapshot();
				}

				resolve();
			});
		});
		void lastWrite.then(() => {
			for (const listener of listeners) {
				listener();
			}
		});

		// Reports may arrive split over chunks: scan from the last complete one.
		reportPattern.lastIndex = scanned;
		let match: RegExpExecArray | null;
		while ((match = reportPattern.exec(raw)) !== null) {
			scanned = reportPattern.lastIndex;
			handleReport(JSON.parse(match[1]!) as Report);
		}
	});

	pty.onExit(({exitCode, signal}) => {
		ptyClosed = true;
		// Normally the wrapper has reported the exit already; give late output a moment.
		void delay(300).then(() => {
			settleExit({exitCode: signal ? null : exitCode, signal: signal ? signalName(signal) : null, reported: false});
		});
	});

	// All output received so far parsed; like xterm.js, give up on a
	// synchronized update that lasts over a second and show what is there.
	const settled = async () => {
		await lastWrite;
		if (!disposed && syncSince !== undefined && Date.now() - syncSince > 1000) {
			takeSnapshot();
		}
	};

	const screen = async (): Promise<string> => {
		await settled();
		return snapshot.lines.join('\n');
	};

	const wrappedRows = async (): Promise<number[]> => {
		await settled();
		return snapshot.wrapped;
	};

	const matches = (match: ((screen: string) => boolean) | RegExp | string, text: string): boolean => {
		if (typeof match === 'string') {
			return text.includes(match);
		}

		if (match instanceof RegExp) {
			match.lastIndex = 0;
			return match.test(text);
		}

		return match(text);
	};

	const waitFor = async (match: ((screen: string) => boolean) | RegExp | string, timeoutMs = 10_000): Promise<string> => {
		const limit = Math.min(timeoutMs, maxWaitMs);
		const started = Date.now();
		let text = await screen();
		while (!matches(match, text)) {
			const left = limit - (Date.now() - started);
			if (left <= 0 || exitSettled || disposed) {
				const why = left <= 0 ? `timed out after ${limit} ms` : 'the program exited';
				const tail = JSON.stringify(raw.slice(-600));
				throw new Error(`waitFor(${String(match)}): ${why}.\n--- screen ---\n${text}\n--- end of output ---\n${tail}`);
			}

			// eslint-disable-next-line no-await-in-loop
			await new Promise<void>((resolve) => {
				const done = () => {
					clearTimeout(timer);
					listeners.delete(done);
					resolve();
				};

				const timer = setTimeout(done, Math.min(left, 200));
				listeners.add(done);
			});
			// eslint-disable-next-line no-await-in-loop
			text = await screen();
		}

		return text;
	};

	const write = (data: string) => {
		if (!ptyClosed && !disposed) {
			pty.write(data);
		}
	};

	// Queue the resize behind the output received so far, so the xterm parses
	// old-size output at the old size and what the program draws after its
	// SIGWINCH at the new one.
	const resize = async (newCols: number, newRows: number): Promise<void> => {
		await new Promise<void>((resolve) => {
			terminal.write('', () => {
				terminal.resize(newCols, newRows);
				if (!terminal.modes.synchronizedOutputMode) {
					takeSnapshot();
				}

				if (!ptyClosed) {
					pty.resize(newCols, newRows);
				}

				size = {cols: newCols, rows: newRows};
				resolve();
			});
		});
	};

	const kill = (signal: NodeJS.Signals) => {
		if (appPid === undefined) {
			throw new Error('the program has not started (no pid reported yet)');
		}

		process.kill(appPid, signal);
	};

	const hangup = () => {
		if (!ptyClosed) {
			ptyClosed = true;
			// Unix only, not in the typings: close the master side, then SIGHUP the wrapper.
			(pty as IPty & {destroy(): void}).destroy();
		}
	};

	const running = () => appPid !== undefined && processRunning(appPid);

	const terminalState = async (): Promise<TerminalState> => {
		const text = await screen();
		const before = sttyBefore === undefined ? undefined : parseStty(sttyBefore);
		const after = sttyAfter === undefined ? undefined : parseStty(sttyAfter);
		const changed: string[] = [];
		if (before && after) {
			for (const [flag, on] of before.flags) {
				if (after.flags.get(flag) !== on) {
					changed.push(`${on ? '' : '-'}${flag} → ${after.flags.get(flag) ? '' : '-'}${flag}`);
				}
			}
		}

		// Not public API: xterm's core keeps DECTCEM here. Used only as a cross-check.
		const core = (terminal as unknown as {_core?: {coreService?: {isCursorHidden?: boolean}}})._core;
		/* eslint-disable no-control-regex */
		return {
			screen: text,
			alternateScreen: terminal.buffer.active.type === 'alternate',
			cursorHidden: lastCursorVisibility(raw) === 'hidden',
			xtermCursorHidden: core?.coreService?.isCursorHidden,
			alternateEnters: count(raw, /\u001B\[\?(?:1049|1047|47)h/g),
			alternateLeaves: count(raw, /\u001B\[\?(?:1049|1047|47)l/g),
			bracketedPaste: terminal.modes.bracketedPasteMode,
			bracketedPasteOn: count(raw, /\u001B\[\?2004h/g),
			bracketedPasteOff: count(raw, /\u001B\[\?2004l/g),
			mouseTracking: terminal.modes.mouseTrackingMode !== 'none',
			mouseOn: count(raw, /\u001B\[\?1000h/g),
			sttyBefore: before,
			sttyAfter: after,
			sttyChanged: changed,
			cooked: isCooked(after),
		};
		/* eslint-enable no-control-regex */
	};

	const dispose = () => {
		if (disposed) {
			return;
		}

		disposed = true;
		if (!exitSettled && appPid !== undefined) {
			try {
				process.kill(appPid, 'SIGKILL');
			} catch {}
		}

		if (!ptyClosed) {
			try {
				pty.kill('SIGKILL');
			} catch {}
		}

		settleExit({exitCode: null, signal: 'SIGKILL', reported: false});
		terminal.dispose();
	};

	return {
		screen,
		wrappedRows,
		waitFor,
		write,
		resize,
		kill,
		hangup,
		running,
		exited,
		terminalState,
		rawOutput: () => raw,
		pid: () => appPid,
		get cols() {
			return size.cols;
		},
		get rows() {
			return size.rows;
		},
		dispose,
	};
}

/** A bounded wait for the exit, so a program that never ends fails the test instead of hanging it. */
export async function waitForExit(pty: Pty, timeoutMs = 10_000): Promise<Exit> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(async () => {
			reject(new Error(`the program did not exit within ${timeoutMs} ms.\n--- screen ---\n${await pty.screen()}`));
		}, Math.min(timeoutMs, maxWaitMs));
	});
	try {
		return await Promise.race([pty.exited, timeout]);
	} finally {
		clearTimeout(timer);
	}
}
