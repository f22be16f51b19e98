// The columns that carry a list from the worker must give back exactly the sessions that went in.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {encodeSessions, SessionDecoder, transferList} from '../../source/api/session-columns.js';
import {sanitize} from '../../source/model/sanitize.js';
import {shiftedSession} from '../../source/model/zone-hint.js';
import {plainSession, type Session} from '../../source/model/session.js';

const optionalText = fc.option(fc.string({unit: 'grapheme'}).map(sanitize), {nil: undefined});
const optionalNumber = fc.option(fc.double({noNaN: true}), {nil: undefined});
const session = fc.record({
	id: fc.string({minLength: 1}).map(sanitize),
	host: fc.constantFrom('', '127.0.0.1:8989', 'maxscale-2:8989'),
	service: fc.string().map(sanitize),
	state: fc.string().map(sanitize),
	user: optionalText,
	remote: optionalText,
	port: optionalNumber,
	connectedAt: optionalNumber,
	ageSeconds: optionalNumber,
	idleSeconds: optionalNumber,
	memoryBytes: optionalNumber,
	ioActivity: optionalNumber,
	thread: optionalNumber,
	servers: optionalText,
	statement: optionalText,
	running: fc.boolean(),
	seconds: optionalNumber,
}).map(({running, seconds, ...s}) => {
	const statementRunning = s.statement === undefined ? undefined : running && s.statement !== '';
	// A run time only for a statement still running (statement-clock.ts).
	return {...s, statementRunning, statementSeconds: statementRunning === true ? seconds : undefined};
});

function decodeAll(sessions: Session[], keyed: boolean, slice: number, previous?: Session[]): Session[] {
	const decoder = new SessionDecoder(structuredClone(encodeSessions(sessions, keyed)), previous);
	for (;;) {
		const done = decoder.next(slice);
		if (done !== undefined) {
			// Read out (every getter): a deep comparison of the sessions themselves sees only their key and id.
			return done.map((session) => plainSession(session));
		}
	}
}

test('a list survives the trip through columns, absent values and empty strings kept apart', () => {
	fc.assert(
		fc.property(fc.array(session, {maxLength: 40}), fc.boolean(), fc.integer({min: 1, max: 7}), (raw, keyed, slice) => {
			const sessions: Session[] = raw.map((s) => ({...s, key: keyed ? `${s.host}#${s.id}` : s.id}));
			const decoded = decodeAll(sessions, keyed, slice);
			// Absent optional fields come back undefined (as the reader makes them), never as '' or 0 or NaN.
			assert.deepEqual(decoded, sessions);
		}),
		{numRuns: 200},
	);
});

test('an empty list, and the number columns are transferred rather than copied', () => {
	assert.deepEqual(decodeAll([], false, 10), []);
	const columns = encodeSessions([{key: '1', id: '1', host: '', service: 's', state: 'x', user: '', port: 0}], false);
	assert.equal(transferList(columns).length, columns.numbers.length + columns.codes.length);
	assert.deepEqual(decodeAll([{key: '1', id: '1', host: '', service: 's', state: 'x', user: '', port: 0}], false, 1)[0]?.user, '');
});

test('the last list lends its strings, never its values: any last list decodes the same sessions', () => {
	// Last lists that share ids with the new one in order, out of order, shifted by sessions
	// that ended or began, with ids that are prefixes of each other, and on other hosts.
	const ids = fc.constantFrom('1', '12', '123', '2', '21', 'x', '');
	const small = fc.tuple(session, ids).map(([s, id]) => ({...s, id}));
	fc.assert(
		fc.property(fc.array(small, {maxLength: 30}), fc.array(small, {maxLength: 30}), fc.boolean(), fc.integer({min: 1, max: 7}), (next, last, keyed, slice) => {
			const withKeys = (list: typeof next): Session[] => list.map((s) => ({...s, key: keyed ? `${s.host}#${s.id}` : s.id}));
			const sessions = withKeys(next);
			const previous = withKeys(last);
			assert.deepEqual(decodeAll(sessions, keyed, slice, previous), sessions);
			// The usual case: the same sessions, a few ended and a few new.
			const churned = [...sessions.slice(2), ...previous.slice(0, 3)];
			assert.deepEqual(decodeAll(churned, keyed, slice, sessions), churned);
		}),
		{numRuns: 300},
	);
});

test('a decoded session, read from its columns, is whole wherever it is copied: JSON, a zone shift, the next poll', () => {
	fc.assert(
		fc.property(fc.array(session, {minLength: 1, maxLength: 20}), fc.boolean(), (raw, keyed) => {
			const sessions: Session[] = raw.map((s) => ({...s, key: keyed ? `${s.host}#${s.id}` : s.id}));
			// The decoder's own sessions, not read out: what the app holds.
			const decoded = new SessionDecoder(structuredClone(encodeSessions(sessions, keyed))).next(sessions.length)!;
			// Recordings and snapshots are JSON.stringify's: every field, not the columns behind them.
			assert.deepEqual(JSON.parse(JSON.stringify(decoded)), JSON.parse(JSON.stringify(sessions)));
			// A spread would keep only the key and id (zone-hint.ts makes its copies field by field).
			decoded.forEach((one, i) => {
				assert.deepEqual(shiftedSession(one, 3600), shiftedSession(sessions[i]!, 3600));
			});
			// The next poll borrows strings from these, read through their getters.
			const next = new SessionDecoder(structuredClone(encodeSessions(sessions, keyed)), decoded).next(sessions.length)!;
			assert.deepEqual(next.map((one) => plainSession(one)), sessions);
		}),
		{numRuns: 200},
	);
});
