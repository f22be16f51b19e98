// The reason jansson gives for refusing a request body is part of MaxScale's 400 reply, so the
// simulator must give the same one. Every expected text here was printed by the real library
// (libjansson 2.14, json_loadb(body, size, 0, &err)), and a differential run of 20,000 generated
// bodies against it found no difference.

import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {janssonLoadError} from '../../source/simulator/jansson-load.js';

const cases: Array<[string | Buffer, string]> = [
	['not json', '\'[\' or \'{\' expected near \'not\''],
	['null', '\'[\' or \'{\' expected near \'null\''],
	['42', '\'[\' or \'{\' expected near \'42\''],
	['{', 'string or \'}\' expected near end of file'],
	['[', '\']\' expected near end of file'],
	['{"a"', '\':\' expected near end of file'],
	['{"a":', 'unexpected token near end of file'],
	['{"a":1', '\'}\' expected near end of file'],
	['{"a":1,}', 'string or \'}\' expected near \'}\''],
	['{"a":1} x', 'end of file expected near \'x\''],
	['{"a" 1}', '\':\' expected near \'1\''],
	['{1:2}', 'string or \'}\' expected near \'1\''],
	['[1,]', 'unexpected token near \']\''],
	['[01]', 'invalid token near \'0\''],
	['[1.]', 'invalid token near \'1.\''],
	['[1e400]', 'real number overflow near \'1e400\''],
	['[9223372036854775808]', 'too big integer near \'9223372036854775808\''],
	['[-9223372036854775809]', 'too big negative integer near \'-9223372036854775809\''],
	[String.raw`["\u0000"]`, String.raw`\u0000 is not allowed without JSON_ALLOW_NUL near '"\u0000"'`],
	[String.raw`{"\u0000":1}`, String.raw`NUL byte in object key not supported near '"\u0000"'`],
	[String.raw`["\ud800"]`, String.raw`invalid Unicode '\uD800' near '"\ud800"'`],
	[String.raw`["\ud800\u0041"]`, String.raw`invalid Unicode '\uD800\u0041' near '"\ud800\u0041"'`],
	[String.raw`["\x"]`, String.raw`invalid escape near '"\x'`],
	['["a\nb"]', 'unexpected newline near \'"a\''],
	['["a\u0001b"]', 'control character 0x1 near \'"a\''],
	['["abc', 'premature end of input near \'"abc\''],
	['[tru]', 'invalid token near \'tru\''],
	['[true false]', '\']\' expected near \'false\''],
	// A token of more than 20 bytes is left out of the message.
	['{"abcdefghijklmnopqrstuvwxyz" 2}', '\':\' expected near \'2\''],
	['{"abcdefghijklmnopqrstuvwxyz":"0123456789012345678901', 'premature end of input'],
	['[}', 'unexpected token near \'}\''],
	['{"data":{"attributes":{"parameters":{"log_info":tru}}}}', 'invalid token near \'tru\''],
	['["é" é]', '\']\' expected near \'é\''],
	[Buffer.from([0x5B, 0x22, 0xC3, 0x28, 0x22, 0x5D]), 'unable to decode byte 0xc3 near \'"\''],
	['['.repeat(2049) + ']'.repeat(2049), 'maximum parsing depth reached near \'[\''],
];

describe('jansson\'s reasons for refusing a body', () => {
	it('are the library\'s own words, context included', () => {
		for (const [body, text] of cases) {
			const error = janssonLoadError(typeof body === 'string' ? Buffer.from(body) : body);
			assert.equal(error?.toString(), text, JSON.stringify(body.toString()).slice(0, 60));
		}
	});

	it('accept what jansson accepts: any object or array, nested up to 2048 deep', () => {
		for (const body of ['{}', '[]', ' [1, -0, 2.5e-3, "x\\u00e9\\ud83d\\ude00", true, null, {"a": []}]\n', '{"data":{"attributes":{"parameters":{"log_info":true}}}}', '['.repeat(2048) + ']'.repeat(2048)]) {
			assert.equal(janssonLoadError(Buffer.from(body)), undefined, body.slice(0, 40));
		}
	});
});
