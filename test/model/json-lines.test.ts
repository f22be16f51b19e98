import assert from 'node:assert/strict';
import {test} from 'node:test';
import {jsonLines, quote, scalarsByPath, shownChars, shownLines} from '../../source/model/json-lines.js';
import {wrapLines, wrapText} from '../../source/model/json-wrap.js';
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

test('escapes what a terminal draws as nothing: a zero-width space, a BOM, a tag character', () => {
	const hidden = 'ad\u200Bmin\uFEFF\u00AD\uDB40\uDC67';
	const quoted = quote(hidden);
	assert.equal(quoted, '"ad\\u200bmin\\ufeff\\u00ad\\udb40\\udc67"');
	assert.equal(JSON.parse(quoted), hidden); // Escaped, not lost.
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

const shown = (tokens: Array<{text: string}>) => text(tokens.slice(1)); // Without the indent token.

/** Every display line of `lines` at `width`: each fits, and together they hold every character, in order. */
function wrapChecked(lines: ReturnType<typeof jsonLines>, width: number) {
	const wrapped = wrapLines(lines, width);
	for (const line of wrapped) {
		assert.ok(text(line.tokens).length <= width, `${JSON.stringify(text(line.tokens))} wider than ${width}`);
	}

	assert.equal(wrapped.map((line) => shown(line.tokens)).join(''), lines.map((line) => text(line.tokens)).join(''));
	// Each says which document line it is part of, and where in it (the pane's search marks by it).
	for (const [index, line] of wrapped.entries()) {
		const whole = text(lines[line.source]!.tokens);
		assert.equal(whole.slice(line.at, line.at + shown(line.tokens).length), shown(line.tokens), `line ${index} at ${width}`);
		const before = wrapped[index - 1];
		assert.ok(before === undefined ? line.source === 0 && line.at === 0 : before.source === line.source ? before.at <= line.at : before.source + 1 === line.source && line.at === 0);
	}

	return wrapped.map((line) => text(line.tokens));
}

const qaDocument = {
	data: {
		attributes: {
			last_queries: 1304,
			log: ['2026-11-29 02:58:55   info   : (70) [readconnroute] (Analytics-Service); > Autocommit: [enabled], trx is [not open], cmd: (0x03) COM_QUERY, plen: 25, type: QUERY_TYPE_WRITE, stmt: ANALYZE TABLE fact_sales'],
			client: {name: 'libmariadb', connected: 'Thu Nov 12 21:23:13 2026', sescmd_history_stored_metadata: 0},
		},
	},
};

test('wrapping moves a number, a `was` annotation or a value with its comma to the next line whole', () => {
	const previous = scalarsByPath({data: {attributes: {...qaDocument.data.attributes, last_queries: 130}}});
	const lines = jsonLines(qaDocument, previous);
	for (let width = 22; width <= 60; width++) {
		const wrapped = wrapChecked(lines, width);
		const all = wrapped.join('\n');
		assert.match(all, /1304,/, `the number whole, with its comma, at ${width}`);
		assert.match(all, /was 130(\n|$)/, `the annotation whole at ${width}`);
		for (const line of wrapLines(lines, width)) {
			const first = line.tokens[1];
			assert.ok(first === undefined || first.kind !== 'punct' || !/^[,:]/.test(first.text), `no line starts with the document's comma or colon at ${width}: ${text(line.tokens)}`);
		}

		if (width >= 28) {
			// Short enough for a continuation line: never cut.
			assert.ok(wrapped.some((line) => line.includes('"libmariadb",')), `"libmariadb", whole at ${width}`);
			assert.ok(wrapped.some((line) => line.includes('QUERY_TYPE_WRITE')), `QUERY_TYPE_WRITE whole at ${width}`);
			assert.ok(wrapped.some((line) => line.includes('[readconnroute]')), `[readconnroute] whole at ${width}`);
		}
	}

	// The QA's 80×24 case: the annotation that does not fit after the value moves under it.
	const at34 = wrapChecked(lines, 34);
	assert.ok(at34.some((line) => /^ {6}"last_queries": 1304,$/.test(line)), at34.join('\n'));
	assert.ok(at34.some((line) => /^ {8}\s*was 130$/.test(line)), at34.join('\n'));
});

test('a string longer than a line is cut after a space, at any width, each line within it', () => {
	const lines = jsonLines(qaDocument);
	for (const width of [30, 38, 50]) {
		const wrapped = wrapChecked(lines, width);
		const logStart = wrapped.findIndex((line) => line.includes('"2026-11-29'));
		const logLines = wrapped.slice(logStart, logStart + 6);
		for (const line of logLines.slice(0, -1)) {
			assert.match(line, /[ ,/\-_.:]$/, `cut after a space or punctuation at ${width}: ${JSON.stringify(line)}`);
		}

		assert.ok(wrapped.some((line) => line.includes('21:23:13')), `a time whole at ${width}`);
	}
});

test('QA: a value too long for any line starts the next one when the rest of its key\'s line holds no place to break', () => {
	const lines = jsonLines({attributes: {client: {_client_name: 'MariaDB Connector/J', _os: 'Linux'}}});
	// The pane at 60×20 (28 columns): 16 columns of indent and key leave 2, then 1, 0: never "M" / "ariaDB".
	for (let width = 24; width <= 33; width++) {
		const wrapped = wrapChecked(lines, width);
		const key = wrapped.findIndex((line) => line.includes('"_client_name":'));
		assert.match(wrapped[key]!, /"_client_name": ("MariaDB |"MariaDB Connector\/|"MariaDB Connector\/J",)?$/, `${width}: ${wrapped.join('\n')}`);
		assert.ok(wrapped.some((line) => line.includes('"MariaDB')), `${width}: the first word whole`);
	}

	// With a place to break in the rest of the key's line, the value still starts on it.
	const longer = jsonLines({attributes: {client: {_client_name: 'MariaDB Connector/J for Java 8'}}});
	const wide = wrapChecked(longer, 34);
	assert.ok(wide.some((line) => line.endsWith('"_client_name": "MariaDB ')), wide.join('\n'));
});

test('never splits a surrogate pair, even with no space to cut at', () => {
	const lines = jsonLines({emoji: '😀'.repeat(40)});
	for (const width of [9, 10, 21]) {
		for (const line of wrapChecked(lines, width)) {
			assert.doesNotMatch(line, /[\uD800-\uDBFF]$|^\s*[\uDC00-\uDFFF]/);
		}
	}
});

test('a sentence wraps between words over as many lines as it needs', () => {
	const sentence = 'Connection refused by 127.0.0.1:9971: is MaxScale running, and is its REST API on that port?';
	const lines = wrapText(sentence, 24);
	assert.equal(lines.join(''), sentence);
	assert.ok(lines.length > 3);
	for (const line of lines) {
		assert.ok(line.length <= 24, line);
	}

	for (const line of lines.slice(0, -1)) {
		assert.match(line, / $/, `cut between words: ${lines.join('|')}`);
	}

	assert.deepEqual(wrapText('short', 24), ['short']);
});

test('a statement of a megabyte shows its first 100,000 characters, wrapped whole, and says how much more there is (QA: the pane took 11 s)', () => {
	// `retain_last_statements` keeps a bulk INSERT whole.
	const statement = `INSERT INTO t VALUES ${"(1,'abc'),".repeat(100_000)}(0,'z')`;
	const lines = jsonLines({data: {attributes: {queries: [{statement}]}}});
	const line = lines.find((each) => each.tokens.some((token) => token.kind === 'string'))!;
	const value = line.tokens.find((token) => token.kind === 'string')!;
	assert.equal(value.text, JSON.stringify(statement.slice(0, shownChars)));
	assert.equal(text(line.tokens.slice(line.tokens.indexOf(value) + 1)), `  (${(statement.length - shownChars).toLocaleString('en-US')} more characters not shown)`);
	const wrapped = wrapLines([line], 60);
	assert.ok(wrapped.every((each) => text(each.tokens).length <= 60));
	// Every character of what is shown, in order, the kinds kept: the pieces are cut from the value, never lost.
	const pieces = wrapped.flatMap((each) => each.tokens.filter((token) => token.kind === 'string'));
	assert.equal(pieces.map((token) => token.text).join(''), value.text);
	// A name as long is cut alike, and says so before its value.
	const name = 'n'.repeat(shownChars + 5);
	const named = jsonLines({[name]: 1})[1]!;
	assert.equal(text(named.tokens), `${JSON.stringify(name.slice(0, shownChars))}: (5 more characters of this name not shown) 1`);
	// A short string is whole, with nothing said after it.
	assert.deepEqual(jsonLines('abc')[0]!.tokens, [{kind: 'string', text: '"abc"'}]);
});

test('a document of 300,000 keys shows its first 20,000 lines, then says the rest is not shown (QA: seconds a key)', () => {
	const wide = Object.fromEntries(Array.from({length: 300_000}, (_, i) => [`k${i}`, i]));
	const document = {data: {id: '1', attributes: {wide}}};
	const lines = jsonLines(document, scalarsByPath(document));
	assert.equal(lines.length, shownLines + 1);
	assert.equal(text(lines.at(-1)!.tokens), '… the rest of the document is not shown (past 20,000 lines): s saves it whole');
	// The lines shown are the document's first, as printed whole.
	assert.deepEqual(text(lines[shownLines - 1]!.tokens), `"k${shownLines - 6}": ${shownLines - 6},`);
	assert.ok(scalarsByPath(document).size <= shownLines);
	// A session's document is never near it: shown whole, nothing said.
	assert.doesNotMatch(text(jsonLines(fixture('v24-session-detail.json')).at(-1)!.tokens), /not shown/);
});
