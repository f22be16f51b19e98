// What a crash prints on stderr. An error's message may quote what it choked on (V8's
// `JSON.parse` quotes its input), and that may be a server's text: each line is sanitized
// as the screen's text is, the lines kept, so that no crash can write an escape sequence.

import {sanitize} from './model/sanitize.js';

export function crashText(error: unknown): string {
	const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
	return `sessiontop crashed: ${text.split('\n').map((line) => sanitize(line)).join('\n')}\n`;
}
