// A terminal whose locale is not UTF-8 (LANG unset or C, LC_ALL=POSIX, a Latin-1 console, a
// tmux client attached with LC_ALL=C) cannot show the screen's glyphs: tmux draws each as `_`,
// so the cursor ▶, a mark ● and an ended row ✕ all read the same. As htop does, such a
// terminal gets ASCII: each glyph the screen draws has a stand-in one cell wide, and any
// other character (a server's CJK user name) as many `?` as the cells it takes, so every
// column stays where Ink laid it out. Done on the frame as it is written (full-screen.ts):
// the screen's code draws one way, and the tests of the screen see what it draws.

import {cellWidth} from './cell-width.js';

/** Whether the locale the terminal runs under reads UTF-8, as setlocale(LC_CTYPE, "") would find it. */
export function utf8Locale(env: NodeJS.ProcessEnv): boolean {
	// The first of these that is set and not empty wins, as in POSIX.
	const locale = env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'] || '';
	return /utf-?8/i.test(locale);
}

const stand: Record<string, string> = {
	'▶': '>',
	'▸': '>',
	'▾': 'v',
	'▲': '^',
	'▼': 'v',
	'›': '>',
	'»': '>',
	'→': '>',
	'←': '<',
	'↑': '^',
	'↓': 'v',
	'…': '~',
	'·': '.',
	'●': '*',
	'✕': 'x',
	'×': 'x',
	'–': '-',
	'−': '-',
	'±': '~',
	'\uFFFD': '?',
	// Ink's round border (the help, the pane).
	'─': '-',
	'│': '|',
	'╭': '+',
	'╮': '+',
	'╰': '+',
	'╯': '+',
	// Sparkline bars, low to high.
	'▁': '_',
	'▂': '_',
	'▃': '.',
	'▄': '-',
	'▅': '-',
	'▆': '=',
	'▇': '=',
	'█': '#',
};

/** `frame` (text and escape sequences) with every character past ASCII replaced, cell for cell. */
export function asciiFrame(frame: string): string {
	return frame.replaceAll(/[^\u0000-\u007F]/gu, (character) => stand[character] ?? '?'.repeat(cellWidth(character)));
}
