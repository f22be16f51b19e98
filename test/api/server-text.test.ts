// A server's own text inside a sentence never pushes what to do off the status line. QA's
// case: a 500 whose errors[0].detail is 5,000 characters showed `… (boom xxx…): M…`. Each
// sentence that holds a server's text is laid out as the screen lays it (two lines,
// ui/status-text.ts) with hostile long texts, and with the same texts cut to the least
// that is always shown of them (MaxScale's detail 48 characters, a Location 40, others 16):
// wherever that one fits whole, so must the long one, cut in its server's part only.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {compressed} from '../../source/api/body-errors.js';
import {describeNetworkError, describeStatus} from '../../source/api/errors.js';
import {describeRedirect} from '../../source/api/redirect.js';
import {failureLines, layOut} from '../../source/ui/status-text.js';

const host = '127.0.0.1:19327';
const widths = [80, 100, 120, 160, 200];

/** Long server texts: words, one long word, spaces, an emoji, CJK (two cells a UTF-16 unit), controls. */
const hostile = (length: number) => [
	`boom ${'x'.repeat(length)}`,
	'y'.repeat(length),
	`${'word '.repeat(length / 5)}end.`,
	`${'😀'.repeat(length / 2)}`,
	`${'漢字 '.repeat(length / 3)}`,
	`名前${'⌚'.repeat(length)}`,
	`a\u001B]52;c;${'A'.repeat(length)}\u0007`,
	`${' '.repeat(200)}late ${'z'.repeat(length)}`,
];

const detail = (text: string) => JSON.stringify({errors: [{detail: text}]});
const location = (text: string) => `https://proxy.example/${text}`;

/**
 * Each sentence that holds a server's text, built around `text`; the least of the text always
 * shown; `true` when its advice is the server's text too (an -h to use).
 */
const sentences: Array<[string, (text: string) => string, number, boolean?]> = [
	...[400, 401, 403, 404, 409, 429, 500, 502, 503].map((status): [string, (text: string) => string, number] => [`a ${status} with a detail`, (text) => describeStatus(status, detail(text), host, 'the session list').message, 48]),
	['a 500 about a session with a long id', (text) => describeStatus(500, detail('boom'), host, `session ${text}`).message, 16],
	['a redirect', (text) => describeRedirect(302, location(text), host, 'the session list', {base: `http://${host}`, path: '/v1/sessions'}), 40],
	['a redirect that suggests an -h', (text) => describeRedirect(301, `http://${text.replace(/\W/g, '') || 'x'}.example/v1/sessions`, host, 'the session list', {base: `http://${host}`, path: '/v1/sessions'}), 40, true],
	['a compressed answer', (text) => compressed(host, 200, text).message, 16],
	[
		'a certificate for other names',
		(text) =>
			describeNetworkError(Object.assign(new Error('altnames'), {code: 'ERR_TLS_CERT_ALTNAME_INVALID', host: '127.0.0.1', cert: {subjectaltname: `DNS:${text}, DNS:b${text}, DNS:c, DNS:d`}}), host, 1000)
				.message,
		16,
		true,
	],
];

/** The sentence's last words, which say what to do: they must end the status line's last line. */
function advice(sentence: string): string {
	return sentence.includes(': ') ? sentence.slice(sentence.lastIndexOf(': ') + 2) : '';
}

for (const [name, build, least, advisesServerText] of sentences) {
	test(`${name}: a long server text is cut, never what to do`, () => {
		for (const length of [130, 250, 5000]) {
			for (const text of hostile(length)) {
				const sentence = build(text);
				// The same text cut to the least shown: the sentence at its shortest.
				const shortest = build(text.replace(/\s+/g, ' ').trim().slice(0, least));
				for (const width of widths) {
					if (!layOut(shortest, width, '').whole) {
						continue;
					}

					const lines = failureLines(sentence, [], width);
					assert.ok(layOut(sentence, width, '').whole, `${width} columns, ${JSON.stringify(text.slice(0, 12))}×${length}: ${JSON.stringify(lines)}`);
					if (!advisesServerText) {
						assert.ok(lines.join(' ').endsWith(advice(shortest)), `${width}: ${lines.join(' / ')}`);
					}
				}
			}
		}
	});
}

test("QA's case: a 500 with a 5,000-character detail keeps its advice on the status line", () => {
	const sentence = describeStatus(500, detail(`boom ${'x'.repeat(4995)}`), host, 'the session list').message;
	assert.match(sentence, /^127\.0\.0\.1:19327 answered 500 to the request for the session list \(boom x+…\): MaxScale failed on it; see its log \(it may be restarting\)\.$/);
	// Its one long word moves whole to the second line: 120 columns hold it; a detail of words, 100.
	const worded = describeStatus(500, detail('boom '.repeat(1000)), host, 'the session list').message;
	for (const [text, width] of [[sentence, 120], [sentence, 160], [worded, 100], [worded, 120]] as const) {
		const lines = failureLines(text, [], width);
		assert.ok(layOut(text, width, '').whole, `${width}: ${lines.join(' / ')}`);
		assert.match(lines.join(' '), /: MaxScale failed on it; see its log \(it may be restarting\)\.$/, `${width}: ${lines.join(' / ')}`);
	}

	// MaxScale's own details, short, are shown whole, as before.
	assert.match(describeStatus(500, detail('Internal error: the thread pool is exhausted'), host, 'the session list').message, /\(Internal error: the thread pool is exhausted\): MaxScale failed/);
	assert.match(describeStatus(401, detail('Access denied.'), host, 'the session list').message, /\(401 Access denied\): check --user/);
	assert.match(describeStatus(503, detail('MaxScale is shutting down'), host, 'the session list').message, /\(503 MaxScale is shutting down\): wait for it to come back\.$/);
});

test('the server-supplied text is sanitized and its white space made one space before it is cut', () => {
	const sentence = describeStatus(500, detail(`line one\n\n\tline\u001B[2J two${' '.repeat(300)}three`), host, 'the session list').message;
	// eslint-disable-next-line no-control-regex
	assert.doesNotMatch(sentence, /[\u0000-\u001F]| {2}/);
	assert.match(sentence, /\(line one\uFFFD\uFFFD line\uFFFD\[2J two three\)/);
});
