// A list rebuilt from the worker's parts, as they come, is the list decoded whole (against
// the same last list, whose strings it borrows); a newer generation voids what came before
// it, and a dropped poll keeps nothing.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {ListParts, sliceSize} from '../../source/api/list-parts.js';
import {encodeSessions, SessionDecoder} from '../../source/api/session-columns.js';
import {plainSession, type Session} from '../../source/model/session.js';
import {SessionIndex} from '../../source/model/session-index.js';
import {finish} from '../../source/model/steps.js';
import {summarizeSteps} from '../../source/model/summary.js';

const sessionsOf = (ids: number[], host = 'mx:8989'): Session[] =>
	ids.map((n) => ({key: String(n), id: String(n), host, service: `svc${n % 3}`, state: 'Session started', user: `u${n % 5}`, port: n % 65_536, ageSeconds: n / 10}));

/** The index built as the parts came is the one built of the whole list: the same keys, the same objects, the same order. */
function assertIndexOf(index: SessionIndex, sessions: Session[]): void {
	const whole = finish(SessionIndex.build(sessions));
	assert.equal(index.size, whole.size);
	assert.deepEqual([...index.values()], [...whole.values()]);
	for (const session of sessions) {
		assert.equal(index.get(session.key), whole.get(session.key));
	}
}

/** The list cut into parts at `cuts`, each encoded (and cloned) as the worker posts it. */
function partsOf(sessions: Session[], cuts: number[]) {
	const points = [...new Set(cuts.filter((cut) => cut > 0 && cut < sessions.length))].sort((a, b) => a - b);
	return [0, ...points].map((from, index) => structuredClone(encodeSessions(sessions.slice(from, points[index] ?? sessions.length), false)));
}

test('parts rebuilt as they come are the list decoded whole against the same last list', async () => {
	await fc.assert(
		fc.asyncProperty(
			fc.uniqueArray(fc.integer({min: 1, max: 400}), {maxLength: 120}),
			fc.uniqueArray(fc.integer({min: 1, max: 400}), {maxLength: 120}),
			fc.array(fc.integer({min: 0, max: 120}), {maxLength: 6}),
			async (lastIds, ids, cuts) => {
				const last = sessionsOf(lastIds);
				const list = sessionsOf(ids);
				const whole = new SessionDecoder(structuredClone(encodeSessions(list, false)), last).next(list.length)!;
				const parts = new ListParts(last);
				const [first, ...rest] = partsOf(list, cuts);
				parts.add(first!, 0);
				await new Promise((resolve) => {
					setImmediate(resolve);
				});
				for (const part of rest) {
					parts.add(part, 0);
				}

				const {sessions, index, summary, services} = await parts.done();
				// Read out: a deep comparison of the sessions themselves sees only their key and id.
				assert.deepEqual(sessions.map((session) => plainSession(session)), whole.map((session) => plainSession(session)));
				assertIndexOf(index, sessions);
				// And the summary worked out as they came: the one of the whole list.
				assert.deepEqual(summary, finish(summarizeSteps(sessions)));
				// And the sessions per service (the sparklines: changes.ts), in the order services first came.
				assert.deepEqual(services.entries(), [...new Set(sessions.map((session) => session.service))].map((service) => [service, sessions.filter((session) => session.service === service).length]));
			},
		),
	);
});

test('a newer generation voids the parts before it, even one half rebuilt; a drop keeps nothing', async () => {
	const big = sessionsOf(Array.from({length: sliceSize * 2 + 10}, (_, i) => i + 1));
	const later = sessionsOf([7, 8, 9]);
	const parts = new ListParts();
	parts.add(partsOf(big, [])[0]!, 0); // Rebuilt over three turns: still at it when the next comes.
	parts.add(partsOf(later, [1])[0]!, 1);
	parts.add(partsOf(later, [1])[1]!, 1);
	const decoded = (list: Session[]) => new SessionDecoder(structuredClone(encodeSessions(list, false))).next(list.length)!;
	const done = await parts.done();
	assert.deepEqual(done.sessions.map((session) => plainSession(session)), decoded(later).map((session) => plainSession(session)));
	assertIndexOf(done.index, done.sessions);
	assert.equal(done.index.get('1'), undefined, 'nothing of the voided generation');
	assert.deepEqual(done.summary, finish(summarizeSteps(done.sessions)), 'nor in the summary');
	assert.deepEqual(done.services.entries(), [['svc1', 1], ['svc2', 1], ['svc0', 1]], 'nor in the counts per service');

	const dropped = new ListParts();
	dropped.add(partsOf(big, [])[0]!, 0);
	dropped.drop();
	dropped.add(partsOf(later, [])[0]!, 0);
	const none = await dropped.done();
	assert.deepEqual(none.sessions, []);
	assert.equal(none.index.size, 0);
});

test('the parts sent ahead carry their running statements\' arrivals, timed by the clock the list\'s end tells; the last rows come timed', async () => {
	const arrival = Date.parse('2024-01-05T09:00:00Z');
	const running = (n: number, seconds: number): Session => ({key: String(n), id: String(n), host: 'mx', service: 's', state: 'x', statement: 'SELECT 1', statementRunning: true, statementSeconds: seconds});
	const parts = new ListParts();
	// Ahead: the arrival, as the worker's reader holds it until the list's end.
	parts.add(structuredClone(encodeSessions([running(1, arrival), {...running(2, Number.NaN), statementSeconds: undefined}], false)), 0);
	// The last rows: already timed (session-list-reader.ts finish).
	parts.add(structuredClone(encodeSessions([running(3, 7)], false)), 0, true);
	const {sessions} = await parts.done(arrival + 42_000);
	assert.deepEqual(sessions.map((session) => session.statementSeconds), [42, undefined, 7]);
});
