// npm run media: the readme's picture, taken from a real run. `sessiontop --demo`
// (a fixed seed) runs in a pseudo-terminal, scripted keys open a session's
// document, and the terminal's cells, colours included, become media/screenshot.svg.

import {writeFile} from 'node:fs/promises';
import xterm from '@xterm/headless';
import {keys, startPty, waitForExit} from '../e2e/pty.js';

const {Terminal} = xterm;
const cols = 112;
const rows = 34;

// A calm dark palette for the 16 ANSI colours (0-7, then the bright 8-15).
const ansi = [
	'#1e2127', '#e06c75', '#98c379', '#d19a66', '#61afef', '#c678dd', '#56b6c2', '#abb2bf',
	'#5c6370', '#e06c75', '#98c379', '#d19a66', '#61afef', '#c678dd', '#56b6c2', '#ffffff',
];
const background = '#1e2127';
const foreground = '#d7dae0';

function paletteColour(index: number): string {
	if (index < 16) {
		return ansi[index] ?? foreground;
	}

	if (index < 232) {
		const n = index - 16;
		const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
		const [r, g, b] = [Math.floor(n / 36), Math.floor(n / 6) % 6, n % 6].map(level);
		return `rgb(${r},${g},${b})`;
	}

	const grey = 8 + (index - 232) * 10;
	return `rgb(${grey},${grey},${grey})`;
}

type Cell = {char: string; fg: string; bg: string | undefined; bold: boolean; dim: boolean; underline: boolean; strike: boolean};

function colourOf(mode: 'fg' | 'bg', cell: xterm.IBufferCell): string | undefined {
	const isDefault = mode === 'fg' ? cell.isFgDefault() : cell.isBgDefault();
	if (isDefault) {
		return undefined;
	}

	const value = mode === 'fg' ? cell.getFgColor() : cell.getBgColor();
	const rgb = mode === 'fg' ? cell.isFgRGB() : cell.isBgRGB();
	return rgb ? `#${value.toString(16).padStart(6, '0')}` : paletteColour(value);
}

function cellsOf(terminal: InstanceType<typeof Terminal>): Cell[][] {
	const buffer = terminal.buffer.active;
	const out: Cell[][] = [];
	const scratch = buffer.getNullCell();
	for (let y = 0; y < rows; y++) {
		const line = buffer.getLine(buffer.viewportY + y);
		const row: Cell[] = [];
		for (let x = 0; x < cols; x++) {
			const cell = line?.getCell(x, scratch);
			if (cell === undefined) {
				row.push({char: ' ', fg: foreground, bg: undefined, bold: false, dim: false, underline: false, strike: false});
				continue;
			}

			let fg = colourOf('fg', cell) ?? foreground;
			let bg = colourOf('bg', cell);
			if (cell.isInverse()) {
				[fg, bg] = [bg ?? background, fg];
			}

			row.push({
				char: cell.getChars() || ' ',
				fg,
				bg,
				bold: cell.isBold() !== 0,
				dim: cell.isDim() !== 0,
				underline: cell.isUnderline() !== 0,
				strike: cell.isStrikethrough() !== 0,
			});
		}

		out.push(row);
	}

	return out;
}

const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function svgOf(cells: Cell[][]): string {
	const cw = 8.4;
	const lh = 18;
	const pad = 14;
	const parts: string[] = [];
	cells.forEach((row, y) => {
		const top = pad + y * lh;
		let x = 0;
		while (x < row.length) {
			const first = row[x]!;
			let end = x + 1;
			const same = (c: Cell) => c.fg === first.fg && c.bg === first.bg && c.bold === first.bold && c.dim === first.dim && c.underline === first.underline && c.strike === first.strike;
			while (end < row.length && same(row[end]!)) {
				end++;
			}

			const text = row.slice(x, end).map((c) => c.char).join('');
			if (first.bg !== undefined) {
				parts.push(`<rect x="${(pad + x * cw).toFixed(1)}" y="${top}" width="${((end - x) * cw).toFixed(1)}" height="${lh}" fill="${first.bg}"/>`);
			}

			if (text.trim() !== '') {
				const attributes = [
					`x="${(pad + x * cw).toFixed(1)}"`,
					`y="${top + 13}"`,
					`fill="${first.fg}"`,
					first.bold ? 'font-weight="bold"' : '',
					first.dim ? 'opacity="0.6"' : '',
					first.underline || first.strike ? `text-decoration="${first.underline ? 'underline' : 'line-through'}"` : '',
					`textLength="${((end - x) * cw).toFixed(1)}"`,
					'lengthAdjust="spacingAndGlyphs"',
				].filter(Boolean);
				parts.push(`<text ${attributes.join(' ')}>${escapeXml(text)}</text>`);
			}

			x = end;
		}
	});
	const width = Math.ceil(pad * 2 + cols * cw);
	const height = pad * 2 + rows * lh;
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="'DejaVu Sans Mono', Menlo, Consolas, monospace" font-size="14" xml:space="preserve">`,
		`<rect width="100%" height="100%" rx="8" fill="${background}"/>`,
		...parts,
		'</svg>',
		'',
	].join('\n');
}

const pause = async (ms: number) =>
	new Promise((resolve) => {
		setTimeout(resolve, ms);
	});

const pty = startPty({args: ['--demo'], cols, rows, env: {NODE_ENV: 'production'}});
try {
	await pty.waitFor(/▶\s+\d/, 15_000);
	await pause(4500); // A few polls: rates, sparklines, new and ended sessions.
	for (const key of [keys.down, keys.down, keys.down]) {
		pty.write(key);
		// eslint-disable-next-line no-await-in-loop
		await pause(150);
	}

	pty.write(keys.enter);
	await pty.waitFor(/"data": \{/);
	pty.write(keys.tab); // Into the pane, down to the values that change between polls.
	for (let i = 0; i < 17; i++) {
		pty.write('j');
	}

	await pause(4200); // Two refreshes of the document: changed values are marked.
	const terminal = new Terminal({cols, rows, allowProposedApi: true});
	await new Promise<void>((resolve) => {
		terminal.write(pty.rawOutput(), resolve);
	});
	await writeFile(new URL('../../media/screenshot.svg', import.meta.url), svgOf(cellsOf(terminal)));
	// q closes the pane first (as in less), then quits.
	pty.write('q');
	await pause(200);
	pty.write('q');
	await waitForExit(pty);
	console.log(`media/screenshot.svg: ${cols}×${rows} from a real run of sessiontop --demo`);
} finally {
	pty.dispose();
}
