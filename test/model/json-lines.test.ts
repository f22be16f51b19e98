import assert from 'node:assert/strict';
import {test} from 'node:test';
import {jsonLines, quote, scalarsByPath, wrapLines} from '../../source/model/json-lines.js';
import {fixture} from '../helpers/fixtures.js';

const text = (tokens: Array<{text: string}>) => tokens.map((t) => t.text).join('');

test('pretty-prints a document with typed tokens', () => {
	const lines = jsonLines({a: 'x', b: 1.5, c: true, d: null, e: [], f: {}, g: [1, {h: false}]});
	assert.deepEqual(
		lines.map((line) => '  '.repeat(line.indent) + text(line.tokens)),
		[
			'{',
			'  "a": "x",',
			'  "b": 1.5,',
			'  "c": true,',
			'  "d": null,',
			'  "e": [],',
			'  "f": {},',
			'  "g": [',
			'    1,',
			'    {',
			'      "h": false',
			'    }',
			'  ]',
			'}',
		],
	);
	const kinds = new Set(lines.flatMap((line) => line.tokens.map((t) => t.kind)));
	assert.deepEqual([...kinds].sort(), ['boolean', 'key', 'null', 'number', 'punct', 'string']);
});

test('re-reading the printed lines gives back the document (24.02 fixture)', () => {
	const document = fixture('v24-session-detail.json');
	const printed = jsonLines(document)
		.map((line) => text(line.tokens))
		.join('\n');
	assert.deepEqual(JSON.parse(printed), document);
});

test('escapes every control character, C1 and bidi override', () => {
	const hostile = 'a\u001B[31m\u0007\u009B\u202E\u2066\u007F\uD800z';
	const quoted = quote(hostile);
	assert.doesNotMatch(quoted, /[\u0000-\u001F\u007F-\u009F\u202E\u2066\uD800-\uDFFF]/);
	assert.equal(JSON.parse(quoted), hostile); // Escaped, not lost.
	const lines = jsonLines({[hostile]: hostile});
	for (const line of lines) {
		assert.doesNotMatch(text(line.tokens), /[\u0000-\u001F\u007F-\u009F\u202E]/);
	}
});

test('wraps long lines to the width, keeping every character', () => {
	const statement = 'SELECT '.repeat(20);
	const lines = jsonLines({statement});
	const wrapped = wrapLines(lines, 30);
	for (const line of wrapped) {
		assert.ok(text(line.tokens).length <= 30, text(line.tokens));
	}

	const joined = wrapped.map((line) => text(line.tokens).trimStart()).join('');
	assert.ok(joined.includes(JSON.stringify(statement).slice(1, 40)));
	assert.ok(wrapped.length > lines.length);
	assert.equal(wrapLines(lines, 200).length, lines.length);
});

test('a document nested thousands deep is cut at a depth, never a stack overflow', () => {
	let value: unknown = 'bottom';
	for (let i = 0; i < 20_000; i++) {
		value = {a: [value]};
	}

	const lines = jsonLines({data: value}, scalarsByPath({data: value}));
	assert.ok(lines.length < 200);
	assert.ok(lines.some((line) => line.tokens.some((token) => token.text.includes('nested too deep'))));
});
