import assert from 'node:assert/strict';
import {test} from 'node:test';
import {enableLinearRegExp} from '../../source/linear-regexp.js';
import {parseFilter} from '../../source/model/filter.js';
import {reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {splitKeys} from '../../source/ui/key-names.js';
import {session} from '../helpers/sessions.js';
import {labels, start} from '../helpers/state.js';

// Terms typed almost right (QA): each read as plain text before, matching nothing (idle:5,
// id>5) or everything (!!user:etl, user:""), with no word beside the prompt. Now each is
// named, with what to write instead, and left out until it is mended.

const sessions = [
	session(1, {user: 'app', idleSeconds: 5, memoryBytes: 70_000, ioActivity: 0}),
	session(2, {user: 'etl', idleSeconds: 120, memoryBytes: 2_000_000}),
	session(3, {user: 'etl_app', state: 'Session created', idleSeconds: 61, ioActivity: 12}),
	session(4, {}),
];

const matching = (text: string) => {
	const filter = parseFilter(text);
	return sessions.filter((one) => filter.test?.(one) ?? true).map((one) => one.id);
};

test('a number field written with : says to compare it, with the value typed', () => {
	const cases: Array<[string, string]> = [
		['idle:5', 'idle is a number, compared with > < or = (not :): write idle>5, idle<5 or idle=5'],
		['memory:6', 'memory is a number, compared with > < or = (not :): write memory>6, memory<6 or memory=6'],
		['age:1', 'age is a number, compared with > < or = (not :): write age>1, age<1 or age=1'],
		['running:5s', 'running is a number, compared with > < or = (not :): write running>5s, running<5s or running=5s'],
		['io:0', 'io is a number, compared with > < or = (not :): write io>0, io<0 or io=0'],
		// The comparison typed after the colon: only the colon is too many.
		['idle:>=5', 'idle is a number, compared with > < or = (not :): write idle>=5'],
		// No value, or not one of the field's: the field's own examples.
		['idle:', 'idle is a number, compared with > < or = (not :): write idle>60, idle<10m or idle=1h30m'],
		['memory:lots', 'memory is a number, compared with > < or = (not :): write memory>1M, memory<64K or memory=70000'],
	];
	for (const [text, error] of cases) {
		assert.equal(parseFilter(text).error, error, text);
		assert.equal(parseFilter(`!${text}`).error, error, `!${text}`);
		// Left out: the other terms filter as they did; as text it matched nothing.
		assert.deepEqual(matching(`user:etl ${text}`), ['2', '3'], text);
	}
});

test('a comparison on a text field says to write it with :, an id as an id or a list', () => {
	const cases: Array<[string, string]> = [
		['id>5', 'id takes an id or a list, not a comparison: write id:5, id:5,57 or id:/^5/'],
		['id<=42', 'id takes an id or a list, not a comparison: write id:42, id:42,57 or id:/^42/'],
		['id=x', 'id takes an id or a list, not a comparison: write id:42, id:42,57 or id:/^42/'],
		['user>a', 'user is text, not a number: write user:a (contains a)'],
		['user=app', 'user is text, not a number: write user:app (contains app) or user:/^app$/ (exactly app)'],
		['state>started', 'state is text, not a number: write state:started (contains started)'],
		['SQL=select', 'SQL is text, not a number: write SQL:select (contains select) or SQL:/^select$/ (exactly select)'],
		['user>', 'user is text, not a number: write user:app, user:"two words" or user:/^etl/'],
	];
	for (const [text, error] of cases) {
		assert.equal(parseFilter(text).error, error, text);
		assert.deepEqual(matching(`idle>60 ${text}`), ['2', '3'], text);
	}
});

test('a field\'s name misspelt before a comparison is named as usr:app is; other words there stay text', () => {
	// With the term to write instead (QA: `idel>60` got the list of the fields).
	assert.equal(parseFilter('idel>60').error, 'idel is not a field: write idle>60 (or "idel>60" in quotes, as text)');
	assert.equal(parseFilter('memroy<1M').error, 'memroy is not a field: write memory<1M (or "memroy<1M" in quotes, as text)');
	assert.match(parseFilter('users=1').error ?? '', /^users is not a field: write user:1 /);
	// The columns' and the sort's other names (--columns duration) point at the filter's (QA: matched nothing, said nowhere).
	assert.equal(parseFilter('duration>30s').error, 'duration is not a field: write running>30s (or "duration>30s" in quotes, as text)');
	assert.match(parseFilter('query:orders').error ?? '', /^query is not a field: write statement:orders/);
	// The term as the field takes it, not the operator typed (QA: `idel:5` was told `write idle:5`, itself refused).
	assert.equal(parseFilter('idel:5').error, 'idel is not a field: write idle>5, idle<5 or idle=5 (or "idel:5" in quotes, as text)');
	assert.match(parseFilter('duration:30s').error ?? '', /^duration is not a field: write running>30s, running<30s or running=30s /);
	assert.match(parseFilter('usr>a').error ?? '', /^usr is not a field: write user:a /);
	assert.match(parseFilter('query>=5').error ?? '', /^query is not a field: write statement:5 /);
	// Each suggestion is a term the filter takes.
	for (const term of ['idle>5', 'running>30s', 'user:a', 'statement:5']) {
		assert.equal(parseFilter(term).error, undefined, term);
	}
	// A name every object has is no field either: read as one, it was a function.
	assert.match(parseFilter('constructor:x').error ?? '', /^constructor is not a field/);
	for (const text of ['a>b', 'status=1', 'bid>5', 'x<y', '"idel>60"', 'constructor>5']) {
		assert.equal(parseFilter(text).error, undefined, text);
	}
});

test('!! before a term is named, as a doubled key, whichever was meant; a single ! as before', () => {
	assert.equal(parseFilter('!!user:etl').error, '!!user:etl has more than one !: write !user:etl to leave out what user:etl matches, or user:etl to keep it');
	assert.equal(parseFilter('!!!app').error, '!!!app has more than one !: write !app to leave out what app matches, or app to keep it');
	assert.equal(parseFilter('!!').error, '!! needs one ! and a term after it (e.g. !state:started)');
	assert.deepEqual(matching('idle>60 !!user:etl'), ['2', '3'], 'left out, not every session kept as its negation');
	assert.deepEqual(matching('!user:etl'), ['1', '4']);
});

test('an empty value in quotes needs one, as user: does; /^$/ finds an empty field', () => {
	assert.equal(parseFilter('user:""').error, 'user:"" needs a value (e.g. user:app, user:"two words", user:/^etl/)');
	assert.equal(parseFilter('!state:""').error, 'state:"" needs a value (e.g. state:started, state:"session started", state:/created|stopping/)');
	assert.equal(parseFilter('id:,').error, 'id:, needs a value (e.g. id:42, id:42,57, id:/^42/)');
	assert.equal(parseFilter('""').error, '"" is empty: write the text between the quotes (e.g. "session started")');
	assert.deepEqual(matching('idle>60 user:""'), ['2', '3']);
	assert.deepEqual(matching('!user:""'), ['1', '2', '3', '4'], 'left out: negated, it kept none');
	enableLinearRegExp();
	assert.deepEqual(matching('user:/^$/'), ['4']);
});

test('a field with no value is given examples that fit it, under the name typed', () => {
	const cases: Array<[string, string]> = [
		['id:', 'id: needs a value (e.g. id:42, id:42,57, id:/^42/)'],
		['state:', 'state: needs a value (e.g. state:started, state:"session started", state:/created|stopping/)'],
		['maxscale:', 'maxscale: needs a value (e.g. maxscale:mx1, maxscale:mx1:8989, maxscale:/^mx/)'],
		['server:', 'server: needs a value (e.g. server:db2, server:none, server:/^db/)'],
		['client:', 'client: needs a value (e.g. client::4000, client:10.0.0.5, client:/:4000$/)'],
		['host:', String.raw`host: needs a value (e.g. host:10.0., host:192.168.1.1, host:/^10\./)`],
		['service:', 'service: needs a value (e.g. service:rw, service:Read-Connection, service:/^rw/)'],
		['sql:', 'sql: needs a value (e.g. sql:orders, sql:"insert into", sql:/^select/)'],
		['statement:', 'statement: needs a value (e.g. statement:orders, statement:"insert into", statement:/^select/)'],
		['memory>=', 'memory>= needs a value (e.g. memory>=1M, memory>=64K, memory>=70000)'],
		['io=', 'io= needs a value (e.g. io=0, io=12, io=1k)'],
		['running>', 'running> needs a value (e.g. running>0, running>30s, running>2m)'],
	];
	for (const [text, error] of cases) {
		assert.equal(parseFilter(text).error, error, text);
	}

	// Each example is a term the filter reads.
	enableLinearRegExp();
	for (const [text, error] of cases) {
		for (const example of error.slice(error.indexOf('(e.g. ') + 6, -1).split(', ').filter((part) => part.startsWith(text.replace(/[>=<]+$/, '')))) {
			assert.equal(parseFilter(example).error, undefined, `${text}: ${example}`);
		}
	}
});

test('documented terms with :, > or < in their text still read as they did', () => {
	const clients = [session(1, {remote: '10.0.0.5', port: 4000, user: 'a>b'}), session(2, {remote: '::ffff:10.0.1.32', port: 5000, user: 'idle:5'})];
	const kept = (text: string) => {
		const filter = parseFilter(text);
		assert.equal(filter.error, undefined, text);
		return clients.filter((one) => filter.test?.(one) ?? true).map((one) => one.id);
	};

	assert.deepEqual(kept('client::4000'), ['1']);
	assert.deepEqual(kept('host:10.0.'), ['1', '2']);
	assert.deepEqual(kept('ffff:10.0'), ['2']);
	assert.deepEqual(kept(':5000'), ['2']);
	assert.deepEqual(kept('a>b'), ['1']);
	assert.deepEqual(kept('"idle:5"'), ['2'], 'in quotes, text');
	assert.deepEqual(kept('user:"idle:5"'), ['2']);
	assert.deepEqual(kept('user:a>b'), ['1']);
	enableLinearRegExp();
	assert.deepEqual(kept('/a>b/'), ['1']);
	assert.deepEqual(kept('user:/^idle:/'), ['2']);
});

/** Each read from the terminal, as the app dispatches it. */
function keys(state: MonitorState, ...reads: string[]): MonitorState {
	return reads.flatMap((read) => splitKeys(read)).reduce((current, {input, name}) => reducer(current, {type: 'key', input, name}), state);
}

/** The ids listed, in id order (the list groups by state). */
const ids = (state: MonitorState) => labels(state).filter((label) => /^\d/.test(label)).sort();

test('typed at the prompt: /idle:60 is named and Enter waits; the colon made > and it filters, Enter keeps it', () => {
	let state = keys(start(sessions), '/', ...'idle:60');
	assert.equal(state.filter.error, 'idle is a number, compared with > < or = (not :): write idle>60, idle<60 or idle=60');
	assert.deepEqual(ids(state), ['1', '2', '3', '4'], 'left out, the list unfiltered while it is mended');
	state = keys(state, '\r');
	assert.equal(state.mode, 'filter', 'Enter waits for it to be mended');
	state = keys(state, '\u001B[D', '\u001B[D', '\u007F', '>');
	assert.equal(state.filter.text, 'idle>60');
	assert.equal(state.filter.error, undefined);
	assert.deepEqual(ids(state), ['2', '3']);
	state = keys(state, '\r');
	assert.equal(state.mode, 'list');

	// A doubled ! the same way: named, and mended by taking one back.
	state = keys(start(sessions), '/', ...'!!user:etl', '\r');
	assert.equal(state.mode, 'filter');
	assert.match(state.filter.error ?? '', /^!!user:etl has more than one !/);
	state = keys(state, '\u0001', '\u001B[3~', '\r');
	assert.equal(state.mode, 'list');
	assert.deepEqual(ids(state), ['1', '4']);
});
