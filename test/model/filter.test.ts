import assert from 'node:assert/strict';
import {test} from 'node:test';
import {enableLinearRegExp} from '../../source/linear-regexp.js';
import {parseFilter, unreportedField} from '../../source/model/filter.js';
import {session} from '../helpers/sessions.js';

// The filter's regex terms run on V8's linear-time engine, as the app turns it on at its start.
enableLinearRegExp();

const sessions = [
	session(1, {user: 'app', remote: '10.0.0.5', port: 4000, idleSeconds: 5, ageSeconds: 3600, memoryBytes: 70_000, ioActivity: 0}),
	session(2, {user: 'report', remote: '10.0.1.9', service: 'Read-Connection-Router', idleSeconds: 120, memoryBytes: 2_000_000}),
	session(3, {user: 'etl_app', remote: '192.168.1.1', state: 'Session created', idleSeconds: 61, ioActivity: 12}),
	session(4, {}),
];

function ids(text: string): string[] {
	const filter = parseFilter(text);
	assert.equal(filter.error, undefined, filter.error);
	return sessions.filter((s) => filter.test?.(s) ?? true).map((s) => s.id);
}

test('plain text matches any visible column, case-insensitively', () => {
	assert.deepEqual(ids('APP'), ['1', '3']);
	assert.deepEqual(ids('read-conn'), ['2']);
	assert.deepEqual(ids('10.0.'), ['1', '2']);
	assert.deepEqual(ids(':4000'), ['1']);
	assert.deepEqual(ids(''), ['1', '2', '3', '4']);
});

test('field terms', () => {
	assert.deepEqual(ids('user:app'), ['1', '3']);
	assert.deepEqual(ids('service:rw'), ['1', '3', '4']);
	assert.deepEqual(ids('state:created'), ['3']);
	assert.deepEqual(ids('host:10.0.'), ['1', '2']);
	assert.deepEqual(ids('id:2'), ['2']);
});

test('QA: id: is the whole id, not text in it (id:9 was every id with a 9, which * then K would kill)', () => {
	const many = ['9', '19', '90', '1887429'].map((id) => session(id));
	const matching = (text: string) => many.filter((one) => parseFilter(text).test?.(one) ?? true).map((one) => one.id);
	assert.deepEqual(matching('id:9'), ['9']);
	assert.deepEqual(matching('id:9,90'), ['9', '90']);
	assert.deepEqual(matching('id:/9$/'), ['9', '19', '1887429']);
	assert.deepEqual(matching('!id:9'), ['19', '90', '1887429']);
	assert.deepEqual(matching('9'), ['9', '19', '90', '1887429'], 'a bare term is still text in any column');
});

test('numbers with units, and unknown values never match', () => {
	assert.deepEqual(ids('idle>60'), ['2', '3']);
	assert.deepEqual(ids('idle>=61'), ['2', '3']);
	assert.deepEqual(ids('idle<1m'), ['1']);
	assert.deepEqual(ids('age>=1h'), ['1']);
	assert.deepEqual(ids('memory>1M'), ['2']);
	assert.deepEqual(ids('memory>64k'), ['1', '2']);
	assert.deepEqual(ids('io=0'), ['1']);
	// As the column's title writes it: a comparison, not text no session holds.
	assert.deepEqual(ids('i/o>5'), ['3']);
	assert.deepEqual(ids('!I/O=0'), ['3']);
	assert.deepEqual(ids('i/o>5'), ids('io>5'));
});

test('negation, regex, and terms combine', () => {
	assert.deepEqual(ids('!app'), ['2', '4']);
	assert.deepEqual(ids('/^etl/'), ['3']);
	assert.deepEqual(ids('user:/^(app|report)$/'), ['1', '2']);
	assert.deepEqual(ids('10.0. idle>60'), ['2']);
	assert.deepEqual(ids('!user:app !state:created'), ['2', '4']);
});

test('an invalid regex is reported, never thrown; the other terms still work', () => {
	const filter = parseFilter('user:app /[unclosed/');
	assert.match(filter.error ?? '', /invalid regex \/\[unclosed\//);
	assert.deepEqual(sessions.filter((s) => filter.test?.(s) ?? true).map((s) => s.id), ['1', '3']);
	assert.match(parseFilter('idle>soon').error ?? '', /^"soon" is not a time for idle/);
});

test('a regex that would backtrack for minutes on a hostile name filters at once (QA: 100% CPU, q and SIGTERM unheard)', () => {
	enableLinearRegExp();
	const hostile = [...sessions, session(9, {user: `${'a'.repeat(40)}!`}), session(10, {user: 'a'.repeat(40)})];
	for (const body of ['user:/(a+)+$/', '/^(\\w|\\d)+$/']) {
		const filter = parseFilter(body);
		assert.equal(filter.error, undefined, body);
		assert.ok(hostile.filter((s) => filter.test?.(s) ?? true).some((s) => s.id === '10'), body);
		assert.ok(!hostile.filter((s) => filter.test?.(s) ?? true).some((s) => s.id === '9' && body.startsWith('user:')), body);
	}

	// Ordinary ones as before: a group repeated, a repetition alone, alternatives.
	assert.deepEqual(ids('user:/^(app|report)$/'), ['1', '2']);
	assert.deepEqual(ids('/^(etl_)+app/'), ['3']);
	assert.deepEqual(ids('user:/P+/'), ['1', '2', '3']);
});

test('quotes keep spaces and colons in one term', () => {
	assert.deepEqual(ids('state:"Session created"'), ['3']);
	assert.deepEqual(ids('"session created"'), ['3']);
	assert.deepEqual(ids('!state:"session created" user:app'), ['1']);
	assert.deepEqual(ids('"10.0.0.5:4000"'), ['1']);
	// An unclosed quote while typing reads to the end, and is named: Enter waits for the quote.
	const typing = parseFilter('state:"session cre');
	assert.equal(typing.error, 'state:"session cre has no closing quote');
	assert.deepEqual(sessions.filter((s) => typing.test?.(s) ?? true).map((s) => s.id), ['3']);
});

const matching = (text: string) => {
	const filter = parseFilter(text);
	return sessions.filter((s) => filter.test?.(s) ?? true).map((s) => s.id);
};

// Each of these read as text before: matching everything (`"`, `user:"`) or nothing, unnamed.
test('an unfinished term is named, and only the finished ones filter', () => {
	const cases: Array<[string, string]> = [
		['"', '" has no closing quote'],
		['user:"', 'user:" has no closing quote'],
		['!"app', '!"app has no closing quote'],
		['idle>', 'idle> needs a value (e.g. idle>60, idle>10m, idle>1h30m)'],
		['age>=', 'age>= needs a value (e.g. age>=10m, age>=1h30m, age>=2d03h)'],
		['!', '! needs a term after it (e.g. !state:started)'],
		['/^rep', '/^rep needs a closing / (a regex; "/^rep" in quotes is text)'],
		['/', '/ needs a closing / (a regex; "/" in quotes is text)'],
		['user:/^rep', 'user:/^rep needs a closing / (a regex; user:"/^rep" is text)'],
		['!/^rep', '/^rep needs a closing / (a regex; "/^rep" in quotes is text)'],
	];
	for (const [text, error] of cases) {
		assert.equal(parseFilter(text).error, error, text);
		// Left out, or (a quote being typed) read as typed: `idle>60` still applies beside it.
		assert.deepEqual(matching(`idle>60 ${text}`), text === '!"app' ? ['2'] : ['2', '3'], text);
	}
});

test('a / inside a term, or a quoted one, is text; a closed regex is a regex', () => {
	assert.deepEqual(ids('"/^rep"'), [], 'quoted: the text /^rep, which no column holds');
	assert.deepEqual(ids('user:"/^rep"'), []);
	assert.deepEqual(ids('Read-Connection/'), [], 'a / after the start is plain text');
	assert.equal(parseFilter('10.0.0.0/8').error, undefined);
	assert.deepEqual(ids('/^rep/'), ['2']);
	// Session 4 reports no idle time: negated or not, a figure not reported matches nothing.
	assert.deepEqual(ids('!idle>60'), ['1']);
});

test('a word before a colon that names no field is reported; address parts are text', () => {
	const typo = parseFilter('usr:app idle>60');
	assert.equal(typo.error, 'usr is not a field: write user:app (or "usr:app" in quotes, as text)');
	// Nothing it is near: the fields, listed.
	assert.match(parseFilter('uzr:app').error ?? '', /^uzr is not a field \(id user client host service server state maxscale statement idle age memory io running\); "uzr:app" in quotes is text$/);
	assert.deepEqual(sessions.filter((s) => typo.test?.(s) ?? true).map((s) => s.id), ['2', '3']);
	assert.match(parseFilter('foo:bar').error ?? '', /^foo is not a field/);
	// ::ffff:10.0.1.32 is how MaxScale shows IPv4 clients over IPv6.
	assert.equal(parseFilter('ffff:10.0').error, undefined);
});

test('an invalid regex names its reason once', () => {
	assert.equal(parseFilter('/[/').error, 'invalid regex /[/: unterminated character class');
});

test('an IPv4-mapped client matches as shown and as MaxScale reports it', () => {
	const mapped = [
		session(1, {remote: '::ffff:10.0.7.5', port: 34_918}),
		session(2, {remote: '10.0.7.6', port: 4000}),
		session(3, {remote: '2001:db8::1', port: 4000}),
	];
	const matching = (text: string) => {
		const filter = parseFilter(text);
		assert.equal(filter.error, undefined, filter.error);
		return mapped.filter((s) => filter.test?.(s) ?? true).map((s) => s.id);
	};

	// As the Client column shows it.
	assert.deepEqual(matching('client:10.0.7.5:'), ['1']);
	assert.deepEqual(matching('"10.0.7.5:34918"'), ['1']);
	assert.deepEqual(matching('client:/^10\\.0\\.7\\./'), ['1', '2']);
	// As maxctrl and the JSON pane show it, pasted from there.
	assert.deepEqual(matching('client:::ffff:10.0.'), ['1']);
	assert.deepEqual(matching('client:[::FFFF:10.0.7.5]:34918'), ['1']);
	assert.deepEqual(matching('::ffff:10.0.7'), ['1']);
	assert.deepEqual(matching('!ffff'), ['2', '3']);
	// host: is the address as reported; real IPv6 is as it was.
	assert.deepEqual(matching('host:::ffff:'), ['1']);
	assert.deepEqual(matching('host:10.0.7.'), ['1', '2']);
	assert.deepEqual(matching('client:[2001:db8::1]:4000'), ['3']);
});

test('a number field no listed session has is named: io before 23.02, memory before 22.08', async () => {
	const {unreportedField} = await import('../../source/model/filter.js');
	const old = [session(1, {idleSeconds: 3}), session(2, {idleSeconds: 9})];
	assert.equal(unreportedField(parseFilter('io=0'), old)?.field, 'io');
	assert.equal(unreportedField(parseFilter('i/o>0'), old)?.field, 'io');
	assert.equal(unreportedField(parseFilter('idle>0 !memory>1K'), old)?.field, 'memory');
	assert.equal(unreportedField(parseFilter('idle>5'), old), undefined, 'reported');
	assert.equal(unreportedField(parseFilter('io=0'), [...old, session(3, {ioActivity: 0})]), undefined, 'one session has it');
	assert.equal(unreportedField(parseFilter('app'), old), undefined, 'no number field');
});

test('several MaxScales: the ones that do not report the figure are named, whatever the newer ones do', async () => {
	const {unreportedField} = await import('../../source/model/filter.js');
	const mixed = [session(1, {host: 'mx24', key: 'mx24#1', memoryBytes: 9000}), session(2, {host: 'mx25', key: 'mx25#2'}), session(3, {host: 'mx25', key: 'mx25#3'})];
	assert.deepEqual(unreportedField(parseFilter('maxscale:mx25 memory>1K'), mixed), {field: 'memory', hosts: ['mx25']});
	assert.deepEqual(unreportedField(parseFilter('io>0'), mixed), {field: 'io', hosts: ['mx24', 'mx25']});
	// A MaxScale the other terms leave out is not named; when they leave nothing, the figure is not why.
	const three = [...mixed, session(4, {host: 'mx22', key: 'mx22#4'})];
	assert.deepEqual(unreportedField(parseFilter('maxscale:mx25 memory>1K'), three), {field: 'memory', hosts: ['mx25']});
	assert.equal(unreportedField(parseFilter('user:nobody memory>1K'), three), undefined);
});

test('a negated term on a figure not reported matches nothing too (as NULL in SQL), a reported one as before', () => {
	const noIo = [session(1, {idleSeconds: 3}), session(2, {idleSeconds: 9, ioActivity: 0}), session(3, {ioActivity: 5})];
	const matching = (text: string) => noIo.filter((one) => parseFilter(text).test?.(one) ?? true).map((one) => one.id);
	assert.deepEqual(matching('!io>0'), ['2']);
	assert.deepEqual(matching('!io=0'), ['3']);
	assert.deepEqual(matching('!user:nobody'), ['1', '2', '3'], 'a text term is as it was');
});

test('a field with no value is unfinished, as idle> is: user: matched every session and id: none, said nowhere (QA)', () => {
	assert.equal(parseFilter('user:').error, 'user: needs a value (e.g. user:app, user:"two words", user:/^etl/)');
	assert.equal(parseFilter('app !id:').error, 'id: needs a value (e.g. id:42, id:42,57, id:/^42/)');
	assert.equal(parseFilter('sql:').error?.startsWith('sql: needs a value'), true);
	// Quotes around nothing: every user contains it, so it kept every session, as user: did (QA).
	assert.equal(parseFilter('user:""').error, 'user:"" needs a value (e.g. user:app, user:"two words", user:/^etl/)');
});

test('server: on a MaxScale before 2.3, which reports no servers, is said as io is, and matches nothing negated too (QA)', () => {
	const old = [session(1, {servers: undefined}), session(2, {servers: undefined})];
	assert.deepEqual(unreportedField(parseFilter('server:none'), old), {field: 'server', hosts: ['']});
	assert.equal(unreportedField(parseFilter('server:db1'), [...old, session(3, {servers: 'db1'})]), undefined, 'one session has them');
	const mixed = [session(1, {servers: undefined}), session(2, {servers: 'db1'}), session(3, {servers: 'db2'})];
	const matching = (text: string) => mixed.filter((one) => parseFilter(text).test?.(one) ?? true).map((one) => one.id);
	assert.deepEqual(matching('!server:db1'), ['3']);
	assert.deepEqual(matching('server:db'), ['2', '3']);
});
