// The short way of tsv-fast-row.ts takes the common sessions and leaves every cell that
// a later step of maxctrl's path would change to the long way (tsv.test.ts holds both
// ways together to the port of maxctrl).

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {fastLine} from '../../source/batch/tsv-fast-row.js';

const session = (attributes: Record<string, unknown>, services: unknown = [{id: 'RW-Split-Router', type: 'services'}]) => ({
	id: '4',
	type: 'sessions',
	attributes,
	relationships: {services: {data: services}},
});

test('a common session: its line, numbers as JavaScript prints them', () => {
	const attributes = {user: 'app_ro', remote: '::ffff:10.0.5.49', connected: 'Sat, 14 Nov 2026 22:52:56 GMT', idle: 13.6, memory: {total: 70_985}, io_activity: 4};
	assert.equal(fastLine(session(attributes)), '4\tapp_ro\t::ffff:10.0.5.49\tSat, 14 Nov 2026 22:52:56 GMT\t13.6\tRW-Split-Router\t70985\t4');
	assert.equal(fastLine(session({idle: 1e21, user: null}, [{id: 's1'}, {id: 2}])), '4\t\t\t\t1e+21\ts1, 2\t\t');
	assert.equal(fastLine(session({}, [{id: 's1'}, 'x'])), undefined, 'a service without an id leaves "s1, ", which trim would change: the long way');
});

test('what a later step would change goes the long way', () => {
	for (const user of [' lead', 'trail ', 'two  spaces', 'tab\there', 'new\nline', '\u001B[31mred', 'nbsp\u00A0', 'bidi\u202E', 'lone\uD800', 'bom\uFEFF', 'soft\u00ADhyphen', 'ad\u200Bmin', 'word\u2060joiner', 'mongolian\u180E', 'note\uFFF9']) {
		assert.equal(fastLine(session({user})), undefined, JSON.stringify(user));
	}

	for (const value of [true, false, {}, [], ['a']]) {
		assert.equal(fastLine(session({idle: value})), undefined, JSON.stringify(value));
	}
});
