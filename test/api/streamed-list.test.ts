// The streamed list reader against the reader it replaced, byte for byte: every fixture
// of every MaxScale version cut at every byte, pretty and compact, and hand-made bodies
// for each rule JSON.parse and readSessionList follow (last duplicate wins, escapes,
// surrogates, numbers, control characters, invalid UTF-8, malformed JSON, HTML, shapes).

import assert from 'node:assert/strict';
import {Buffer} from 'node:buffer';
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import fc from 'fast-check';
import {fixturesDir} from '../helpers/fixtures.js';
import {hostileWorld} from '../hostile/arbitraries.js';
import {StringTable} from '../../source/api/string-table.js';
import {describe, reference, streamed} from './list-oracle.js';

/**
 * One StringTable for every read of this file, as the worker keeps one from poll to poll, and
 * so small that it empties itself within most lists: what the reader keeps by a text's entry
 * (ids seen, `connected` parsed) must hold across reads and through the emptying.
 */
const kept = new StringTable(5);

function same(body: Buffer | string, cuts: readonly number[] = [], note = ''): void {
	const bytes = typeof body === 'string' ? Buffer.from(body) : body;
	const expected = reference(bytes);
	const actual = streamed(bytes, cuts);
	assert.deepEqual(actual, expected, `${note} cut at [${cuts.join(',')}]: ${describe(actual)} vs ${describe(expected)}`);
	// As the list worker reads it: in parts of one session, rebuilt part after part.
	const inParts = streamed(bytes, cuts, undefined, 1);
	assert.deepEqual(inParts, expected, `${note} in parts, cut at [${cuts.join(',')}]: ${describe(inParts)} vs ${describe(expected)}`);
	const keptTable = streamed(bytes, cuts, undefined, undefined, kept);
	assert.deepEqual(keptTable, expected, `${note} with a kept table, cut at [${cuts.join(',')}]: ${describe(keptTable)} vs ${describe(expected)}`);
}

/** Every way to cut the body in two, and byte by byte. */
function everyCut(body: Buffer | string, note = ''): void {
	const bytes = typeof body === 'string' ? Buffer.from(body) : body;
	same(bytes, [], note);
	same(bytes, Array.from({length: bytes.length}, (_, i) => i), `${note} byte by byte`);
	for (let cut = 1; cut < bytes.length; cut++) {
		same(bytes, [cut], note);
	}
}

const fixtureFiles = readdirSync(fixturesDir).filter((name) => name.endsWith('.json') || name.endsWith('.body'));

test('every fixture reads the same, cut at every byte, as sent and re-indented', () => {
	assert.ok(fixtureFiles.length >= 20, 'the fixtures are there');
	for (const name of fixtureFiles) {
		const body = readFileSync(path.join(fixturesDir, name));
		everyCut(body, name);
		const parsed: unknown = (() => {
			try {
				return JSON.parse(body.toString('utf8'));
			} catch {
				return undefined;
			}
		})();
		if (parsed !== undefined) {
			same(JSON.stringify(parsed), [7, 100], `${name} compact`);
			same(JSON.stringify(parsed, undefined, '\t'), [3, 50, 51], `${name} tabs`);
			same(`\r\n ${JSON.stringify(parsed, undefined, 4)} \n`, [1, 2, 64], `${name} indented`);
		}
	}
});

const session = (id: string, extra = '') => `{"id":${id},"type":"sessions","attributes":{"state":"Session started","user":"u${extra}","connected":"Fri, 05 Jan 2024 07:24:06 GMT","idle":1.5,"memory":{"total":100}},"relationships":{"services":{"data":[{"id":"svc","type":"services"}]}}}`;

/** A 24.02 session: its age is its seconds_alive, so the list worker may send it ahead in a part. */
const alive = (id: string) => `{"id":"${id}","type":"sessions","attributes":{"state":"Session started","user":"u","connected":"Fri, 05 Jan 2024 07:24:06 GMT","seconds_alive":10.5,"idle":1.5},"relationships":{"services":{"data":[{"id":"svc","type":"services"}]}}}`;

const edgeCases: Record<string, string> = {
	'duplicate attributes: the last object wins whole': '{"data":[{"id":"1","attributes":{"user":"a","idle":3},"attributes":{"state":"s"}}]}',
	'duplicate attributes: a later null wipes the earlier': '{"data":[{"id":"1","attributes":{"user":"a"},"attributes":null}]}',
	'duplicate fields inside attributes': '{"data":[{"id":"1","attributes":{"user":"a","user":7,"idle":1,"idle":2,"state":"x","state":null}}]}',
	'duplicate id, the last wins, a number': '{"data":[{"id":"1","id":2},{"id":"2"}]}',
	'duplicate id, a later non-id wipes it': '{"data":[{"id":"1","id":null}]}',
	'parts: a second data voids the parts of the first': `{"data":[${alive('1')},${alive('2')},${alive('3')}],"data":[${alive('4')},${alive('5')}]}`,
	'parts: a session without seconds_alive keeps itself and the rest for the end': `{"data":[${alive('1')},${alive('2')},${session('"3"')},${alive('4')}]}`,
	'parts: a body cut short after parts is no list': `{"data":[${alive('1')},${alive('2')},${alive('3')}`,
	'parts: a later non-array data after parts is no list': `{"data":[${alive('1')},${alive('2')}],"data":7}`,
	'duplicate data: the last array wins': `{"data":[${session('"1"')}],"links":{},"data":[${session('"2"')},${session('"2"')},7]}`,
	'duplicate data: a later non-array is no list': `{"data":[${session('"1"')}],"data":{}}`,
	'duplicate memory and total': '{"data":[{"id":"1","attributes":{"memory":{"total":5},"memory":{"total":6,"total":"x"}}},{"id":"2","attributes":{"memory":{"total":5},"memory":3}}]}',
	'duplicate relationships, services, data, id': '{"data":[{"id":"1","relationships":{"services":{"data":[{"id":"a"}],"data":[{"id":"b","id":"c"}]}}},{"id":"2","relationships":{"services":{"data":[{"id":"a"}]},"services":null}},{"id":"3","relationships":{"services":{"data":[{"id":"a"}]}},"relationships":{}}]}',
	'connections: every entry with a server, in order, the last copy of each counting': '{"data":[{"id":"1","attributes":{"connections":[{"server":"a","connection_id":1},{"cipher":""},{"server":""},{"server":7},"x",null,[{"server":"n"}],{"server":"b","server":"c"},{"server":"d","server":null},{"server":"e\\u0000f"}]}},{"id":"2","attributes":{"connections":[]}},{"id":"3","attributes":{"connections":{"server":"a"}}},{"id":"4","attributes":{"connections":[{"server":"a"}],"connections":null}},{"id":"5","attributes":{"connections":7,"connections":[{"server":"z"}]}},{"id":"6","connections":[{"server":"no"}],"attributes":{"memory":{"total":1},"connections":[{"server":"a"}]}},{"id":"7","attributes":{"connections":[{"server":"a"}]},"attributes":{"user":"u"}}]}',
	'queries: the newest entry\'s statement on one line, running without a completed time': '{"data":[{"id":"1","attributes":{"queries":[{"command":"COM_QUERY","received":"2024-01-05T07:24:06.123","statement":"SELECT *\\n  FROM t\\twhere a = 1 ","responses":[]},{"statement":"older","completed":"x"}]}},{"id":"2","attributes":{"queries":[{"completed":"2024-01-05T07:24:06.200","statement":"COMMIT","responses":[{"server":"a","duration":1}]}]}},{"id":"3","attributes":{"queries":[]}},{"id":"4","attributes":{"queries":null}},{"id":"5","attributes":{"queries":["SELECT 1",{"statement":"later"}]}},{"id":"6","attributes":{"queries":[{"statement":7,"statement":"last"},{"statement":"x"}],"queries":[{"statement":"again","completed":null}]}},{"id":"7","attributes":{"queries":[{"statement":"a","completed":"t","completed":5}]}},{"id":"8","attributes":{"queries":[{"statement":"","completed":"t"}]}},{"id":"9","attributes":{"queries":[{"statem\\u0065nt":"escaped \\u001b[2J\\ud83d"}]}}]}',
	'the service is the first entry only': '{"data":[{"id":"1","relationships":{"services":{"data":["x",{"id":"b"}]}}},{"id":"2","relationships":{"services":{"data":[{"id":5},{"id":"b"}]}}},{"id":"3","relationships":{"services":{"data":[[{"id":"n"}],{"id":"b"}]}}}]}',
	'relationships before attributes (2.2 order)': '{"links":{"self":"x"},"data":[{"relationships":{"services":{"links":{},"data":[{"id":"s","type":"services"}]}},"id":"9","attributes":{"state":"Listener Session"}}]}',
	'escaped member names still count': '{"d\\u0061ta":[{"\\u0069d":"1","attributes":{"us\\u0065r":"e","\\u0073tate":"s\\n","memory":{"tot\\u0061l":3}},"relationships":{"servic\\u0065s":{"dat\\u0061":[{"\\u0069d":"sv"}]}}}]}',
	'names that are almost ours do not': '{"data":[{"id":"1","attributes":{"users":"a","use":"b","User":"c","user ":"d","memory":{"totals":1}}}]}',
	'escapes and surrogates in values': '{"data":[{"id":"\\u0031\\ud83d\\ude00","attributes":{"user":"caf\\u00e9 \\ud83d x\\ude00 \\/\\\\\\"\\b\\f\\n\\r\\t","state":"\\u001b[2J\\u009b\\u202e"}}]}',
	'raw multi-byte text': '{"data":[{"id":"東京","attributes":{"user":"jürgen😀","remote":"\u2028\u00a0"}}]}',
	'numbers of every form': '{"data":[{"id":-0,"attributes":{"idle":-0,"port":1E2,"thread":1e+2,"io_activity":0.5e-3,"seconds_alive":1e400,"memory":{"total":-1.7976931348623157e308}}},{"id":1.50,"attributes":{"idle":0.59999999999999998,"seconds_alive":1167267.5984602,"port":123456789012345678901234567890}},{"id":1e21},{"id":0.1},{"id":-12.5e-1}]}',
	'ids that are not usable': '{"data":[{"id":""},{"id":null},{"id":true},{"id":[]},{"id":{}},{"attributes":{}},null,1,"x",[],true,{"id":"ok"}]}',
	'duplicate ids: the first wins': '{"data":[{"id":"1","attributes":{"user":"first"}},{"id":"1","attributes":{"user":"second"}},{"id":1}]}',
	'duplicate ids written other ways: escaped, a number, long, shown alike': `{"data":[{"id":"12"},{"id":"1\\u0032"},{"id":12},{"id":"x\\u0022"},{"id":"x\\""},{"id":"a\u007F"},{"id":"a\\u0001"},{"id":"${'y'.repeat(70)}"},{"id":"${'y'.repeat(69)}\\u0079"},{"id":"13"}]}`,
	'unknown members of every kind': `{"meta":{"total":3,"deep":[[[[{"a":[null,true,false,-1.5e3,"x"]}]]]]},"data":[${session('"5"')}],"x":null,"y":[1,{"data":[]}],"z":{"data":"no"}}`,
	'nulls where objects are': '{"data":[{"id":"1","attributes":null,"relationships":null},{"id":"2","attributes":{"memory":null,"connected":null}},{"id":"3","relationships":{"services":{"data":null}}}]}',
	'connected in both formats, and not': '{"data":[{"id":"1","attributes":{"connected":"Mon Jul 17 11:10:39 2017"}},{"id":"2","attributes":{"connected":"Fri, 21 Jul 2023 06:46:44 GMT","seconds_alive":null}},{"id":"3","attributes":{"connected":"yesterday"}},{"id":"4","attributes":{"connected":"Fri, 21 Jul 2099 06:46:44 GMT"}},{"id":"5","attributes":{"connected":"12","idle":1}},{"id":"6","attributes":{"connected":"2024-01-05","idle":1}}]}',
	'an empty list': '{"data":[]}',
	'whitespace of every JSON kind': ' \t\r\n{ "data" :\n[ {\t"id" : "1" } ] }\r\n\t ',
	'a deep unknown value': `{"x":${'['.repeat(20_000)}${']'.repeat(20_000)},"data":[${session('"1"')}]}`,
	'a long string': `{"data":[{"id":"1","attributes":{"user":"${'ab\\n'.repeat(50_000)}","log":["${'x'.repeat(100_000)}"]}}]}`,
	// Not session documents.
	'an object without data': '{"links":{}}',
	'data that is an object': '{"data":{}}',
	'data that is null': '{"data":null}',
	'a top-level array': `[${session('"1"')}]`,
	'a string': '"data"',
	'a number': '42',
	'null': 'null',
	'true': 'true',
	'nested data does not count': '{"x":{"data":[]}}',
	// Not JSON at all.
	empty: '',
	'only whitespace': ' \n\t ',
	'cut in half': `{"data":[${session('"1"')}`,
	'cut inside a string': '{"data":[{"id":"1',
	'cut inside an escape': '{"data":[{"id":"\\u00',
	'cut inside a number': '{"data":[{"id":1',
	'cut after a minus': '[-',
	'cut inside a literal': '{"data":[nul',
	'trailing comma in an array': '{"data":[1,]}',
	'trailing comma in an object': '{"data":[],}',
	'a missing colon': '{"data" []}',
	'a missing comma': '{"data":[] "x":1}',
	'single quotes': "{'data':[]}",
	'an unquoted name': '{data:[]}',
	'a leading zero': '{"data":[01]}',
	'a bare decimal point': '{"data":[.5]}',
	'a trailing decimal point': '{"data":[1.]}',
	'an exponent without digits': '{"data":[1e]}',
	'a plus sign': '{"data":[+1]}',
	'NaN and Infinity': '{"data":[NaN]}',
	'a bad escape': '{"data":[{"id":"\\x41"}]}',
	'a short unicode escape': '{"data":[{"id":"\\u12G4"}]}',
	'a raw tab in a string': '{"data":[{"id":"a\tb"}]}',
	'a raw newline in a skipped string': '{"data":[],"x":"a\nb"}',
	'a raw escape character in a string': '{"data":[{"id":"\u001b[2J"}]}',
	'a misspelt literal': '{"data":[tru]}',
	'a literal run on': '{"data":[truex]}',
	'two documents': '{"data":[]}{"data":[]}',
	'garbage after the document': '{"data":[]} x',
	'a mismatched bracket': '{"data":[}',
	'a closing bracket first': ']',
	'a byte order mark': '\uFEFF{"data":[]}',
	'no-break space before': '\u00A0{"data":[]}',
	'form feed before': '\f{"data":[]}',
	'vertical tab then HTML': '\u000B<html>',
	'an HTML page': '<!DOCTYPE html>\n<html><body>502 Bad Gateway</body></html>',
	'HTML after Unicode spaces': '\u3000\u2028\uFEFF <html>',
	'HTML after JSON whitespace': '\r\n  <html>',
	'text, not HTML': 'Service Unavailable',
	'JSON then HTML': '{"data":<html>',
	'a lone surrogate escape is fine JSON': '{"data":[{"id":"\\udc00\\ud800"}]}',
};

test('hand-made bodies: every rule of JSON.parse and readSessionList, cut everywhere', () => {
	for (const [name, body] of Object.entries(edgeCases)) {
		const bytes = Buffer.from(body);
		if (bytes.length > 2000) {
			same(bytes, [], name);
			same(bytes, Array.from({length: 200}, (_, i) => Math.floor((i * bytes.length) / 200) + (i % 3)), `${name} in 200 pieces`);
		} else {
			everyCut(bytes, name);
		}
	}
});

test('invalid UTF-8 in strings and outside them reads as a whole-body decode does', () => {
	const bad = [[0x80], [0xbf, 0x80], [0xc3], [0xc0, 0xaf], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf0, 0x9f, 0x98], [0xf4, 0x90, 0x80, 0x80], [0xff], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82], [0xf0, 0x9f]];
	for (const bytes of bad) {
		const raw = Buffer.from(bytes);
		for (const [head, tail] of [['{"data":[{"id":"1","attributes":{"user":"a', 'b"}}]}'], ['{"data":[{"id":"', '"}]}'], ['{"data":[],"x":"', '"}'], ['{"data":[', ']}'], ['', '{"data":[]}'], ['{"data":[{"id":"\\n', '\\u00e9"}]}']]) {
			everyCut(Buffer.concat([Buffer.from(head!), raw, Buffer.from(tail!)]), `bytes ${bytes.join(' ')}`);
		}
	}
});

test('hostile sessions from the property tests read the same, cut anywhere', () => {
	fc.assert(
		fc.property(hostileWorld, fc.array(fc.nat(), {maxLength: 12}), fc.boolean(), (world, cuts, pretty) => {
			const body = Buffer.from(pretty ? JSON.stringify(world.list, undefined, 2) : JSON.stringify(world.list));
			same(body, cuts.map((cut) => cut % (body.length + 1)));
		}),
		{numRuns: 150},
	);
});

test('random token soup: valid or not, the same verdict, length and sentence', () => {
	const token = fc.constantFrom('{', '}', '[', ']', ':', ',', '"data"', '"id"', '"attributes"', '"user"', '"x"', '"\\u00e9"', '"\\ud83d"', '1', '-0.5e3', '0', 'true', 'null', ' ', '\n', '"é"', '\\', '"', 'é', '<', '\u00a0', '01', '1.', '"a\u0001"');
	fc.assert(
		fc.property(fc.array(token, {maxLength: 30}), fc.array(fc.nat(), {maxLength: 6}), (tokens, cuts) => {
			const body = Buffer.from(tokens.join(''));
			same(body, cuts.map((cut) => cut % (body.length + 1)), tokens.join(''));
		}),
		{numRuns: 3000},
	);
	fc.assert(
		fc.property(fc.uint8Array({maxLength: 40}), fc.array(fc.nat(), {maxLength: 6}), (bytes, cuts) => {
			const body = Buffer.concat([Buffer.from('{"data":[{"id":"'), Buffer.from(bytes), Buffer.from('"}]}')]);
			same(body, cuts.map((cut) => cut % (body.length + 1)));
			same(Buffer.from(bytes), cuts.map((cut) => cut % (bytes.length + 1)));
		}),
		{numRuns: 3000},
	);
});

/**
 * An array member of the attributes (`name`), of every shape: its entries (objects of `member`s,
 * or other values), or not an array at all; the member twice, nested where it does not count
 * (memory's, and outside the attributes), and the body cut anywhere: both readers alike.
 * Written as text, so that a member can come twice (JSON.parse keeps the last; so must the stream).
 */
function everyShapeOf(name: string, member: fc.Arbitrary<string>, others: readonly string[], notArrays: readonly string[]): void {
	const entry = fc.oneof({weight: 4, arbitrary: fc.array(member, {maxLength: 4}).map((members) => `{${members.join(',')}}`)}, fc.constantFrom(...others));
	const array = fc.oneof({weight: 4, arbitrary: fc.array(entry, {maxLength: 4}).map((entries) => `[${entries.join(',')}]`)}, fc.constantFrom(...notArrays));
	const attributes = fc
		// Idle times too: with `received`, they are the list's clock (statement-clock.ts).
		.array(fc.oneof({weight: 3, arbitrary: array.map((value) => `"${name}":${value}`)}, fc.constantFrom('"user":"u"', '"idle":0', '"idle":12.5', '"idle":"1"'), array.map((value) => `"memory":{"${name}":${value}}`)), {maxLength: 3})
		.map((members) => `{${members.join(',')}}`);
	const resource = fc
		.tuple(fc.nat({max: 9}), fc.array(attributes, {minLength: 1, maxLength: 2}), array)
		.map(([id, copies, outside]) => `{"id":"${id}",${copies.map((copy) => `"attributes":${copy}`).join(',')},"relationships":{"${name}":${outside}}}`);
	fc.assert(
		fc.property(fc.array(resource, {maxLength: 4}), fc.array(fc.nat(), {maxLength: 6}), (resources, cuts) => {
			const body = Buffer.from(`{"data":[${resources.join(',')}]}`);
			same(body, cuts.map((cut) => cut % (body.length + 1)));
		}),
		{numRuns: 1500},
	);
}

test('connections of every shape: the servers read alike, duplicates and all, cut anywhere', () => {
	const server = fc.constantFrom('"server1"', '"b"', '""', '7', 'null', '[]', '{}', '"s\\u0065rver2"', '"x\\u0001y"', '"a,b"');
	const member = fc.oneof(
		server.map((value) => `"server":${value}`),
		server.map((value) => `"serv\\u0065r":${value}`),
		fc.constantFrom('"cipher":""', '"connection_id":12', '"servers":"no"', '"x":{"server":"deep"}'),
	);
	everyShapeOf('connections', member, ['"server1"', 'null', '[{"server":"nested"}]', '3'], ['null', '7', '{"server":"a"}', '"server1"']);
});

test('queries of every shape: the newest statement, whether it runs and for how long read alike, duplicates and all, cut anywhere', () => {
	const text = fc.constantFrom('"SELECT 1"', '""', '"a\\n\\tb  c"', '7', 'null', '[]', '{}', '"x\\u0001y"', `"${'long '.repeat(250)}"`, '"2024-01-05T07:24:06.123"');
	// MaxScale's form, a week year's (the 31st of December written 2024), a date that is none, and not a time.
	const received = fc.constantFrom('"2024-01-05T07:24:06.123"', '"2024-01-05T07:20:00"', '"2024-12-31T23:59:59.999"', '"2024-02-31T00:00:00"', '"x"', '7', 'null');
	const member = fc.oneof(
		text.map((value) => `"statement":${value}`),
		text.map((value) => `"completed":${value}`),
		text.map((value) => `"c\\u006fmpleted":${value}`),
		received.map((value) => `"received":${value}`),
		received.map((value) => `"r\\u0065ceived":${value}`),
		fc.constantFrom('"command":"COM_QUERY"', '"responses":[{"server":"a","duration":3}]', '"x":{"statement":"deep"}'),
	);
	everyShapeOf('queries', member, ['"SELECT 1"', 'null', '[{"statement":"nested"}]', '3'], ['null', '7', '{"statement":"a"}', '"SELECT 1"']);
});

test('numbers read as JSON.parse reads them: short decimals, long ones, exponents, doubles', () => {
	const digits = (max: number) => fc.array(fc.integer({min: 0, max: 9}), {minLength: 1, maxLength: max}).map((list) => list.join(''));
	const decimal = fc.tuple(fc.boolean(), digits(12), fc.option(digits(14), {nil: undefined}), fc.option(fc.integer({min: -330, max: 330}), {nil: undefined}))
		.map(([negative, whole, fraction, exponent]) => `${negative ? '-' : ''}${whole.replace(/^0+(?=\d)/, '')}${fraction === undefined ? '' : `.${fraction}`}${exponent === undefined ? '' : `e${exponent}`}`);
	const text = fc.oneof(decimal, fc.double({noNaN: true, noDefaultInfinity: true}).map((value) => JSON.stringify(value)));
	fc.assert(
		fc.property(text, fc.nat(), (number, cut) => {
			const body = `{"data":[{"id":${number},"attributes":{"idle":${number},"seconds_alive":${number},"port":${number}}}]}`;
			same(body, [cut % body.length]);
		}),
		{numRuns: 5000},
	);
});

test('a text too long to show (100,000 characters beyond ASCII) or piled with combining marks is cut alike by both readers, id included', () => {
	const user = 'é'.repeat(100_000);
	const zalgo = `e${'\u0301'.repeat(200)}`;
	const body = Buffer.from(`{"data":[{"id":"${'7'.repeat(2000)}","type":"sessions","attributes":{"state":"${zalgo}","user":"${user}","remote":"${'h'.repeat(600)}"},"relationships":{"services":{"data":[{"id":"svc","type":"services"}]}}}]}`);
	same(body, [], 'long');
	same(body, [1000, 70_000, 150_000], 'long, cut');
	const read = reference(body);
	assert.ok(read.ok);
	const [session] = read.sessions;
	// The list never measures more than longestShown of a server's text (string-width on
	// 100,000 characters held the screen, keys and all, for minutes).
	assert.equal(session?.user?.length, 512);
	assert.equal(session?.id.length, 512);
	assert.equal(session?.remote?.length, 512);
	assert.equal(session?.state, 'e\u0301\u0301\u0301\uFFFD');
});
