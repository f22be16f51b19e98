// The password asked for, as maxctrl does it: an empty `-p`/`--password=''` (or an
// empty `p =` in the config file) means "ask me". On a terminal it is read without
// echo after `Enter password: ` (Enter on nothing asks again); from a pipe, all of
// stdin is read and trimmed.
// It is never printed, not even as stars.

import {Buffer} from 'node:buffer';

type Input = NodeJS.ReadableStream & {isTTY?: boolean; setRawMode?: (mode: boolean) => unknown; isRaw?: boolean};
type Output = {write(text: string): unknown};

/**
 * Why no password came: `cancelled` (Ctrl-C at the prompt), `no-input` (the terminal's input
 * ended, Ctrl-D, before one was typed), `empty` (a stdin that is no terminal held nothing),
 * `blank` (it held only spaces and line breaks, which trimming leaves as nothing).
 */
export type NoPassword = 'cancelled' | 'no-input' | 'empty' | 'blank';

export type Asked = {ok: true; password: string} | {ok: false; reason: NoPassword};

/** The sentence for a password that did not come, after `sessiontop: ` (cli.tsx). */
export function noPasswordSentence(reason: NoPassword): string {
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
			return 'stdin held no password (only spaces and line breaks): check what is piped into sessiontop.';
		}
	}
}

/**
 * Read all of a non-terminal stdin (`echo secret | sessiontop -p ''`), trimmed like maxctrl.
 * Nothing there (`</dev/null`, an empty pipe, a bare newline) is no password, not an empty
 * one: sent as is, it would come back as a 401 that blames --user and --password.
 */
async function readAll(input: Input): Promise<Asked> {
	const chunks: Buffer[] = [];
	for await (const chunk of input) {
		chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
	}

	const text = Buffer.concat(chunks).toString('utf8');
	const password = text.trim();
	return password === '' ? {ok: false, reason: text === '' ? 'empty' : 'blank'} : {ok: true, password};
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

export async function askPassword(input: Input, output: Output, prompt = 'Enter password: '): Promise<Asked> {
	return input.isTTY === true && typeof input.setRawMode === 'function'
		? readHidden(input, output, prompt)
		: readAll(input);
}
