// `--tsv` must print what `maxctrl --tsv list sessions` prints. Three checks:
// literal lines worked out by hand from MaxScale's own example documents (every
// version), a literal snapshot of a seeded simulator, and, for everything else
// (quirks included), a port of maxctrl's own code path kept next to the original
// (filterResource, rawCollectionAsTable, normalizeWhitespace, cli-table's rendering
// with its padding, tableToString, and the host loop of maxctrl()), given the documents
// with their strings sanitized: the one intended difference (a control character is
// replaced, never split on, stripped or passed on).

import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import fc from 'fast-check';
import {listSessionsFields, maxctrlTsv, type HostDocuments} from '../../source/batch/maxctrl-tsv.js';
import {sanitize} from '../../source/model/sanitize.js';
import type {Simulator} from '../../source/simulator/index.js';
import {fixture, versions} from '../helpers/fixtures.js';
import {simulator} from './helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

// ---- The port of maxctrl (maxctrl/lib/common.js, list.js; cli-table 0.3) ----

function lodashGet(object: any, keys: string[]): any {
	let current = object;
	for (const key of keys) {
		if (current === null || current === undefined) {
			return undefined;
		}

		current = current[key];
	}

	return current;
}

// lodash-getpath 0.2.4: `a.b[].c` maps over the members at a.b, `for (prop in obj)` with
// hasOwnProperty: an array's elements or an object's own values; anything else is [fallback].
function getPath(object: any, path: string, fallback: any): any {
	const [head = '', ...tail] = path.split('[].');
	const value = lodashGet(object, head.split('.'));
	const found = value === undefined ? fallback : value;
	if (tail.length === 0) {
		return found;
	}

	if (typeof found !== 'object' || found === null) {
		return [fallback];
	}

	return Object.keys(found).map((key) => getPath(found[key], tail.join('[].'), fallback));
}

function filterResource(res: any, fields: ReadonlyArray<{path: string}>): any[][] {
	const table: any[][] = [];
	res.data.forEach((i: any) => {
		const row: any[] = [];
		fields.forEach((p) => {
			let v = getPath(i, p.path, '');
			if (Array.isArray(v)) {
				v = v.join(', ');
			}

			row.push(v);
		});
		table.push(row);
	});
	return table;
}

function normalizeWhitespace(table: any[]): void {
	table.forEach((v) => {
		if (Array.isArray(v)) {
			v.forEach((k: any) => {
				if (typeof (v as any)[k] == 'string') {
					(v as any)[k] = (v as any)[k].replace(/\s+/g, ' ');
				}
			});
		}
	});
}

// cli-table with maxctrl's tsvopts: no borders, "\t" between cells, no padding, compact.
function cliTableToString(rows: any[][]): string {
	if (rows.length === 0) {
		return '';
	}

	// eslint-disable-next-line no-control-regex
	const strlen = (text: string) =>
		Math.max(...String(text).replace(/\u001B\[(?:\d*;){0,5}\d*m/g, '').split('\n').map((line) => line.length));
	const widths: number[] = [];
	for (const cells of rows) {
		cells.forEach((cell, i) => {
			widths[i] = Math.max(widths[i] ?? 0, strlen(cell));
		});
	}

	const out: string[] = [];
	for (const cells of rows) {
		const contents = cells.map((item, i) =>
			item
				.toString()
				.split('\n')
				.map((line: string) => line + ' '.repeat(Math.max(0, widths[i]! - strlen(line)))),
		);
		const height = Math.max(...contents.map((lines: string[]) => lines.length));
		for (let j = 0; j < height; j++) {
			out.push(contents.map((lines: string[], i: number) => lines[j] ?? ' '.repeat(widths[i]!)).join('\t'));
		}
	}

	return out.join('\n');
}

function tableToString(table: any[][]): string {
	normalizeWhitespace(table);
	let string_ = cliTableToString(table);
	// eslint-disable-next-line no-control-regex
	string_ = string_.replace(/\u001B\[[(?);]{0,2}(;?\d)*./g, '');
	return string_
		.split('\n')
		.map((s) =>
			s
				.split('\t')
				.map((field) => field.trim())
				.join('\t'),
		)
		.join('\n');
}

function rawCollectionAsTable(array: any[][]): string {
	const mapper = (value: any) => (value !== null && value !== undefined ? value : '');
	return tableToString(array.map((row) => row.map(mapper)));
}

/** What `maxctrl --tsv list sessions` writes to stdout for these answers (colours off). */
function maxctrlPrints(hosts: readonly HostDocuments[]): string {
	const rval: string[] = [];
	for (const host of hosts) {
		if (hosts.length > 1) {
			rval.push(host.entry);
		}

		rval.push(rawCollectionAsTable(filterResource({data: host.data}, listSessionsFields)));
	}

	const output = rval.join('\n');
	return output ? `${output}\n` : '';
}

/** Every string in a document sanitized, as --tsv takes a server's text (sanitize is one character at a time: joining first or after is the same). */
function sanitizedDeep(value: any): any {
	if (typeof value === 'string') {
		return sanitize(value);
	}

	if (Array.isArray(value)) {
		return value.map((item) => sanitizedDeep(item));
	}

	return typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, sanitizedDeep(item)])) : value;
}

/** What --tsv must print: maxctrl's text of the documents, their control characters replaced first. */
function expectedTsv(hosts: readonly HostDocuments[]): string {
	return maxctrlPrints(hosts.map((host) => ({entry: sanitize(host.entry), data: sanitizedDeep(host.data) as unknown[]})));
}

// ---- The tests ----

function dataOf(version: string): unknown[] {
	return (fixture(`${version}-sessions-list.json`) as {data: unknown[]}).data;
}

test('the columns are maxctrl list sessions columns, in order', () => {
	assert.deepEqual(
		listSessionsFields.map((field) => field.name),
		['Id', 'User', 'Host', 'Connected', 'Idle', 'Service', 'Memory', 'I/O-Activity'],
	);
});

test("MaxScale's own example documents, every version, line by line", () => {
	const expected: Record<(typeof versions)[number], string> = {
		'seed-2.1': [
			'1\t\t\tWed May 17 10:06:35 2017\t\tRW-Split-Router\t\t',
			'2\t\t\tWed May 17 10:06:35 2017\t\tRead-Connection-Router\t\t',
			'3\t\t\tWed May 17 10:06:35 2017\t\tCLI\t\t',
		].join('\n'),
		'v2.2': [
			'9\tmaxuser\t::ffff:127.0.0.1\tMon Jul 17 11:10:39 2017\t62.9\tRW-Split-Router\t\t',
			'10\tskysql\t::ffff:127.0.0.1\tMon Jul 17 11:11:37 2017\t5.2\tRW-Split-Router\t\t',
		].join('\n'),
		'v2.5': '1\tmaxuser\t::ffff:127.0.0.1\tThu Jul 20 07:28:51 2023\t0.1\tRW-Split-Router\t\t',
		v6: '1\tmaxuser\t::ffff:127.0.0.1\tThu Jul 20 15:20:16 2023\t0\tRW-Split-Router\t\t',
		'v22.08': '1\tmaxuser\t::ffff:127.0.0.1\tThu Jul 20 15:29:12 2023\t0.1\tRW-Split-Router\t68351\t',
		v23: '1\tmaxuser\t::ffff:127.0.0.1\tFri, 21 Jul 2023 06:46:44 GMT\t5.1\tRW-Split-Router\t68068\t16',
		v24: '1\tmaxuser\t127.0.0.1\tFri, 05 Jan 2024 07:24:06 GMT\t5.2\tRW-Split-Router\t67337\t16',
	};
	for (const version of versions) {
		const hosts = [{entry: '127.0.0.1:8989', data: dataOf(version)}];
		assert.equal(maxctrlTsv(hosts), `${expected[version]}\n`, version);
		assert.equal(maxctrlTsv(hosts), maxctrlPrints(hosts), `${version}: the port of maxctrl agrees`);
	}
});

let sim: Simulator;
let docs: Record<string, unknown[]>;
before(async () => {
	docs = {};
	for (const apiVersion of ['24.02', '22.08', '6.4', '2.2'] as const) {
		// eslint-disable-next-line no-await-in-loop
		const one = await simulator({apiVersion});
		// eslint-disable-next-line no-await-in-loop
		const answer = await fetch(`${one.url}/v1/sessions`, {headers: {authorization: `Basic ${btoa('admin:mariadb')}`}});
		// eslint-disable-next-line no-await-in-loop
		docs[apiVersion] = ((await answer.json()) as {data: unknown[]}).data;
		// eslint-disable-next-line no-await-in-loop
		await one.close();
	}

	sim = await simulator();
});
after(async () => {
	await sim.close();
});

test('a seeded simulator (seed 42, fixed clock): literal lines, and the port agrees for every version', () => {
	const lines = maxctrlTsv([{entry: 'mx', data: docs['24.02']!}]).split('\n');
	assert.equal(lines[0], '122486\tapp_rw\t::ffff:10.0.1.32\tTue, 17 Nov 2026 21:48:33 GMT\t16\tRW-Split-Router\t71459\t4');
	assert.equal(lines[1], '247014\tsvc_customer_notification_dispatcher\tfd12:3456:789a:1::22\tFri, 20 Nov 2026 21:55:07 GMT\t1.6\tRW-Split-Router\t68284\t40');
	assert.equal(lines.length, 7, 'six sessions and the final newline');
	assert.equal(
		maxctrlTsv([{entry: 'mx', data: docs['2.2']!}]).split('\n')[0],
		'122486\tapp_rw\t::ffff:10.0.1.32\tTue Nov 17 21:48:33 2026\t16\tRW-Split-Router\t\t',
	);
	for (const [version, data] of Object.entries(docs)) {
		const hosts = [{entry: 'a:1', data}];
		assert.equal(maxctrlTsv(hosts), maxctrlPrints(hosts), version);
	}
});

test('several hosts: each block after the host as typed in -h, joined like maxctrl', () => {
	const hosts = [
		{entry: 'mx1:8989', data: dataOf('v24')},
		{entry: ' mx2', data: []},
		{entry: 'mx3:1', data: dataOf('v2.5')},
	];
	const text = maxctrlTsv(hosts);
	assert.equal(text, maxctrlPrints(hosts));
	assert.equal(
		text,
		'mx1:8989\n1\tmaxuser\t127.0.0.1\tFri, 05 Jan 2024 07:24:06 GMT\t5.2\tRW-Split-Router\t67337\t16\n mx2\n\nmx3:1\n1\tmaxuser\t::ffff:127.0.0.1\tThu Jul 20 07:28:51 2023\t0.1\tRW-Split-Router\t\t\n',
	);
});

test('no sessions on one host: nothing at all, as console.log of an empty string', () => {
	assert.equal(maxctrlTsv([{entry: 'mx', data: []}]), '');
});

function session(id: unknown, attributes: Record<string, unknown>, services: unknown = [{id: 'svc', type: 'services'}]): unknown {
	return {id, type: 'sessions', attributes, ...(services === null ? {} : {relationships: {services: {data: services}}})};
}

test("maxctrl's quirks, reproduced: value-indexed whitespace, nulls, arrays; a newline or a tab in a value stays in its field", () => {
	const data = [
		// id "3" indexes the Connected cell: its double space is squeezed…
		session('3', {user: 'a', remote: 'h', connected: 'Wed May  7 10:06:35 2017', idle: 1}),
		// …but not for id "4", whose index 4 is Idle.
		session('4', {user: 'a', remote: 'h', connected: 'Wed May  7 10:06:35 2017', idle: 1}),
		// A newline in a value would make a second line for maxctrl, a tab an extra field: here they stay in the cell, replaced.
		session('5', {user: 'two\nlines', remote: 'tab\there', connected: 'c', idle: 2.5}),
		// null, missing, objects, several services, surrounding spaces.
		session('6', {user: null, remote: '  padded  ', idle: 0, memory: {total: 0}, io_activity: 0}, [{id: 's1'}, {id: 's2'}]),
		session('7', {user: 'u'}, null),
		session(8, {user: 'numeric id', memory: {}}),
		{type: 'sessions'},
	];
	const hosts = [{entry: 'mx', data}];
	assert.equal(maxctrlTsv(hosts), expectedTsv(hosts));
	const lines = maxctrlTsv(hosts).split('\n');
	assert.equal(lines[0], '3\ta\th\tWed May 7 10:06:35 2017\t1\tsvc\t\t');
	assert.equal(lines[1], '4\ta\th\tWed May  7 10:06:35 2017\t1\tsvc\t\t');
	assert.equal(lines[2], '5\ttwo\uFFFDlines\ttab here\tc\t2.5\tsvc\t\t');
	assert.equal(lines[3], '6\t\tpadded\t\t0\ts1, s2\t0\t0');
	assert.equal(lines[4], '7\tu\t\t\t\t\t\t');
	assert.equal(lines[5], '8\tnumeric id\t\t\t\tsvc\t\t');
	assert.equal(lines[6], '\t\t\t\t\t\t\t');
});

test('a null session is a line of empty fields, as lodash-getpath reads null; services as an object give its members\' ids', () => {
	const data = [null, session('2', {user: 'u'}, {first: {id: 's1'}, second: {id: 's2'}, third: 'x'}), session('3', {user: 'v'}, 'not a list')];
	const hosts = [{entry: 'mx', data}];
	assert.equal(maxctrlTsv(hosts), maxctrlPrints(hosts));
	assert.equal(maxctrlTsv(hosts), '\t\t\t\t\t\t\t\n2\tu\t\t\t\ts1, s2,\t\t\n3\tv\t\t\t\t\t\t\n');
});

test('terminal safety: colour codes and every other control character become U+FFFD, never dropped', () => {
	const data = [session('1', {user: '\u001B[31mred\u001B[0m', remote: 'x\u0007y', connected: 'a\rb', idle: 1})];
	const line = maxctrlTsv([{entry: 'mx\u001B]0;title\u0007', data}]).split('\n')[0];
	assert.equal(line, '1\t\uFFFD[31mred\uFFFD[0m\tx\uFFFDy\ta\uFFFDb\t1\tsvc\t\t');
	// eslint-disable-next-line no-control-regex
	assert.doesNotMatch(maxctrlTsv([{entry: 'a\u001B[2J', data}, {entry: 'b', data}]), /[\u0000-\u0008\u000B-\u001F\u007F]/);
});

// Values that exercise every branch of the formatter and none of the intended
// difference (sanitize): digits that name cells, runs of whitespace, newlines, tabs,
// colour codes, padding, numbers (-0 included), null, objects, arrays, nesting.
const quirkyText = fc
	.array(fc.constantFrom('0', '1', '3', '7', '8', '12', '01', ' ', '  ', '\n', '\t', '\u00A0', '\u001B[31m', '\u001B[0m', 'a', 'Wed', 'x y'), {maxLength: 6})
	.map((parts) => parts.join(''));
const quirkyValue: fc.Arbitrary<unknown> = fc.oneof(
	quirkyText,
	fc.constantFrom(0, -0, 1, 3, 7, 8, 2.5, 1e21, -4, true, false, null),
	fc.constant({a: 1}),
	fc.array(fc.oneof(quirkyText, fc.constant(null)), {maxLength: 3}),
);
const quirkySession = fc.record(
	{
		id: quirkyValue,
		attributes: fc.oneof(
			fc.record({user: quirkyValue, remote: quirkyValue, connected: quirkyValue, idle: quirkyValue, io_activity: quirkyValue, memory: fc.oneof(fc.record({total: quirkyValue}), quirkyValue)}, {requiredKeys: []}),
			quirkyValue,
		),
		relationships: fc.record({
			services: fc.record({
				data: fc.oneof(
					fc.array(fc.record({id: quirkyValue}, {requiredKeys: []}), {maxLength: 3}),
					// An object: maxctrl takes its members' ids, as an array's.
					fc.dictionary(fc.constantFrom('0', '1', 'a', 'b'), fc.oneof(fc.record({id: quirkyValue}, {requiredKeys: []}), quirkyValue), {maxKeys: 3}),
					quirkyValue,
				),
			}),
		}),
	},
	{requiredKeys: []},
);

test('any document: the same text as the port of maxctrl, given the same text sanitized (property)', () => {
	fc.assert(
		fc.property(fc.array(fc.record({entry: fc.constantFrom('mx1:8989', 'b', 'c\u001B[2J'), data: fc.array(fc.oneof(quirkySession, quirkyValue), {maxLength: 8})}), {minLength: 1, maxLength: 3}), (hosts) => {
			assert.equal(maxctrlTsv(hosts), expectedTsv(hosts));
		}),
		{numRuns: 2000},
	);
});

test('text with no control character is exactly the port of maxctrl\'s (property)', () => {
	// The same documents with their control characters taken out: ordinary data.
	const ordinary = (value: any): any => JSON.parse(JSON.stringify(value ?? null, (_key, item: unknown) => (typeof item === 'string' ? item.replaceAll(/[\n\t\u001B]/g, '') : item))) as unknown;
	fc.assert(
		fc.property(fc.array(fc.oneof(quirkySession, quirkyValue), {maxLength: 8}).map((data) => ordinary(data) as unknown[]), (data) => {
			const hosts = [{entry: 'mx', data}];
			assert.equal(JSON.stringify(sanitizedDeep(data)), JSON.stringify(data), 'no control character left');
			assert.equal(maxctrlTsv(hosts), maxctrlPrints(hosts));
		}),
		{numRuns: 500},
	);
});

test('a hostile value can neither forge a line or a field nor pass for another text (QA: tsvforge)', () => {
	const data = [
		session('7', {user: 'mallory\n4242\troot\t10.0.0.9\tFri, 05 Jan 2024 07:24:06 GMT\t0\tRW-Split-Router\t1\t0', remote: '10.6.6.6', idle: 5.2, io_activity: 3}),
		session('8', {user: 'ad\u001B[mmin', remote: '10.6.6.7', idle: 5.2, io_activity: 3}),
		session('9\r\n', {user: '\u202Eevil\u200B', remote: 'x\u0085y\u007F'}),
	];
	const text = maxctrlTsv([{entry: 'mx', data}]);
	const lines = text.split('\n').slice(0, -1);
	assert.equal(lines.length, 3, 'one line a session');
	for (const line of lines) {
		assert.equal(line.split('\t').length, 8, line);
	}

	assert.equal(lines[0], '7\tmallory\uFFFD4242 root 10.0.0.9 Fri, 05 Jan 2024 07:24:06 GMT 0 RW-Split-Router 1 0\t10.6.6.6\t\t5.2\tsvc\t\t3');
	assert.equal(lines[1]!.split('\t')[1], 'ad\uFFFD[mmin');
	assert.doesNotMatch(text, /admin/);
	assert.equal(lines[2], '9\uFFFD\uFFFD\t\uFFFDevil\uFFFD\tx\uFFFDy\uFFFD\t\t\tsvc\t\t');
});

test('any document: one line a session, each of eight fields, and no control character but the tabs and newlines between them (property)', () => {
	fc.assert(
		fc.property(fc.array(fc.oneof(quirkySession, quirkyValue), {minLength: 1, maxLength: 8}), (data) => {
			const text = maxctrlTsv([{entry: 'mx', data}]);
			const lines = text.split('\n');
			assert.equal(lines.pop(), '');
			assert.equal(lines.length, data.length);
			for (const line of lines) {
				assert.equal(line.split('\t').length, 8, JSON.stringify(line));
			}

			// eslint-disable-next-line no-control-regex
			assert.doesNotMatch(text, /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
		}),
		{numRuns: 1000},
	);
});

test('an object whose toString is not a function (server text) prints as an object, without throwing', () => {
	const hostile = JSON.parse('{"toString": 1, "valueOf": 2}') as unknown;
	const data = [
		session('1', {user: hostile, remote: [hostile, null, 'h'], idle: 1}),
		session('2', {user: 'u'}, [{id: hostile, type: 'services'}]),
	];
	assert.equal(
		maxctrlTsv([{entry: 'mx', data}]),
		'1\t[object Object]\t[object Object], , h\t\t1\tsvc\t\t\n2\tu\t\t\t\t[object Object]\t\t\n',
	);
});
