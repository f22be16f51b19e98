// The password asked for, as maxctrl does it: an empty `-p`/`--password=''` (or an
// empty `p =` in the config file) means "ask me". On a terminal it is read without
// echo after `Enter password: ` (Enter on nothing asks again); from a pipe, its first
// line is read and trimmed, as sudo -S reads one.
// It is never printed, not even as stars.

import {Buffer} from 'node:buffer';
import {openTerminal, type Terminal} from './terminal.js';

type Input = NodeJS.ReadableStream & {isTTY?: boolean; setRawMode?: (mode: boolean) => unknown; isRaw?: boolean; unref?: () => unknown};
type Output = {write(text: string): unknown; isTTY?: boolean};

/**
 * Why no password came: `cancelled` (Ctrl-C at the prompt), `no-input` (the terminal's input
 * ended, Ctrl-D, before one was typed), `empty` (a stdin that is no terminal held nothing),
 * `blank` (its first line held only spaces, which trimming leaves as nothing).
 */
export type NoPassword = 'cancelled' | 'no-input' | 'empty' | 'blank';

export type Asked = {ok: true; password: string} | {ok: false; reason: NoPassword};

/**
 * The sentence for a password that did not come, after `sessiontop: ` (cli.tsx). `emptyIn`:
 * where the empty password that asked for one was, when it was not typed as a flag (`p in
 * [maxctrl] of FILE`): run from cron, with stdin at /dev/null, nothing was ever piped, and
 * the sentence about the pipe would send the operator after the wrong thing.
 */
export function noPasswordSentence(reason: NoPassword, emptyIn?: string): string {
	if (emptyIn !== undefined && (reason === 'empty' || reason === 'blank')) {
		const held = reason === 'empty' ? 'held nothing' : 'began with a blank line';
		return `${emptyIn} is empty, which asks for the password, but stdin is no terminal and ${held}: write the password there, or pipe it into sessiontop.`;
	}

	switch (reason) {
		case 'cancelled': {
			return 'no password given (cancelled).';
		}

		case 'no-input': {
			return 'no password given: stdin ended first.';
		}

		case 'empty': {
			return 'stdin held no password (it was empty): check what is piped into sessiontop.';
		}

		case 'blank': {
			return 'stdin held no password (its first line was blank): check what is piped into sessiontop.';
		}
	}
}

/**
 * Read the first line of a non-terminal stdin (`echo secret | sessiontop -p ''`), trimmed like
 * maxctrl. Only that line: a pipe that stays open after it (`(echo pw; sleep 5) |`) must not
 * hold the start up, nor the exit. What follows the line is put back and the stream paused,
 * unread and open (closing fd 0 would hand the number to the next file opened). Nothing
 * there (`</dev/null`, an empty pipe, a bare newline) is no password, not an empty one:
 * sent as is, it would come back as a 401 that blames --user and --password.
 */
async function readFirstLine(input: Input): Promise<Asked> {
	const chunks: Buffer[] = [];
	let sawBytes = false;
	return new Promise<Asked>((resolve) => {
		let done = false;
		/** `rest`: what came after the line break; undefined when the stream ended (or failed) first. */
		const finish = (rest: Buffer | undefined, failed = false) => {
			if (done) {
				return;
			}

			done = true;
			// The error listener stays: a stdin left open may yet fail, and with none that would crash.
			input.off('data', onData);
			input.off('end', onEnd);
			input.pause();
			if (rest !== undefined && rest.length > 0) {
				input.unshift(rest);
			}

			// A pipe's socket goes on reading into its buffer after pause() (the stream reads ahead
			// on the next tick), and a reading handle keeps the process alive until the writer ends:
			// unref'd, it no longer does.
			input.unref?.();

			// A line cut off by a read error is no password: it may be a part of one.
			const password = failed ? '' : Buffer.concat(chunks).toString('utf8').trim();
			resolve(failed ? {ok: false, reason: 'no-input'} : password === '' ? {ok: false, reason: sawBytes ? 'blank' : 'empty'} : {ok: true, password});
		};

		const onData = (data: Buffer | string) => {
			const chunk = typeof data === 'string' ? Buffer.from(data) : data;
			sawBytes ||= chunk.length > 0;
			const end = chunk.indexOf(0x0a);
			if (end === -1) {
				chunks.push(chunk);
				return;
			}

			chunks.push(chunk.subarray(0, end));
			finish(chunk.subarray(end + 1));
		};

		const onEnd = () => {
			finish(undefined);
		};

		input.on('data', onData);
		input.on('end', onEnd);
		input.on('error', () => {
			finish(undefined, true);
		});
	});
}

/** Said when Enter comes with nothing typed, before the prompt again. */
export const nothingTyped = 'Nothing was typed: type the password, or press Ctrl-C to give up.';

/** Read one line from the terminal in raw mode, echoing nothing. */
async function readHidden(input: Input, output: Output, prompt: string): Promise<Asked> {
	// Raw mode first: a password typed the instant the prompt shows must not be echoed.
	const wasRaw = input.isRaw === true;
	input.setRawMode?.(true);
	input.resume();
	output.write(prompt);
	let typed = '';
	return new Promise<Asked>((resolve) => {
		const finish = (result: Asked) => {
			input.off('data', onData);
			input.off('end', onEnd);
			input.setRawMode?.(wasRaw);
			input.pause();
			output.write('\n');
			resolve(result);
		};

		const onEnd = () => {
			finish({ok: false, reason: 'no-input'});
		};

		const onData = (data: Buffer | string) => {
			const text = typeof data === 'string' ? data : data.toString('utf8');
			// Paste may bring several characters at once; an escape sequence (arrows…) is skipped whole.
			for (const char of text.replace(/\u001B\[[\d;?]*[ -/]*[@-~]|\u001B[^[]/g, '')) {
				if (char === '\r' || char === '\n') {
					if (typed === '') {
						// Never an empty password: it would come back as a 401 blaming --user and
						// --password. Asked again, as sudo does, rather than given up on.
						output.write(`\n${nothingTyped}\n${prompt}`);
						continue;
					}

					finish({ok: true, password: typed});
					return;
				}

				if (char === '\u0003') {
					finish({ok: false, reason: 'cancelled'});
					return;
				}

				if (char === '\u0004') {
					if (typed === '') {
						finish({ok: false, reason: 'no-input'});
						return;
					}

					continue;
				}

				if (char === '\u007F' || char === '\b') {
					typed = [...typed].slice(0, -1).join('');
				} else if (char === '\u0015') {
					typed = '';
				} else if (char >= ' ') {
					typed += char;
				}
			}
		};

		input.on('data', onData);
		input.on('end', onEnd);
	});
}

/**
 * The password, from the terminal without echo, else the first line of stdin. `output`: where
 * the prompt goes (stderr); when it is no terminal, the prompt goes to `terminal()` instead
 * (/dev/tty), and to `output` only when there is none.
 */
export async function askPassword(input: Input, output: Output, prompt = 'Enter password: ', terminal: () => Terminal | undefined = openTerminal): Promise<Asked> {
	if (input.isTTY !== true || typeof input.setRawMode !== 'function') {
		return readFirstLine(input);
	}

	const other = output.isTTY === true ? undefined : terminal();
	try {
		return await readHidden(input, other ?? output, prompt);
	} finally {
		other?.close();
	}
}
