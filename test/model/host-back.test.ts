// A MaxScale back after failing, and one restarted: QA saw the failure's sentence vanish with
// nothing said, and a restart read as +186/s of churn.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {initialState, reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {session} from '../helpers/sessions.js';

const at = 1_795_000_000_000;
const ok = (state: MonitorState, t: number, ids: number[], epoch = 0, host?: string) =>
	reducer(state, {type: 'poll-ok', host, sessions: ids.map((id) => session(id, {connectedAt: 1e12 + id * 1000 + epoch * 7000, ...(host === undefined ? {} : {key: `${host}#${id}`, host})})), at: at + t, latencyMs: 5, bytes: 10});
const failed = (state: MonitorState, t: number, host?: string) =>
	reducer(state, {type: 'poll-failed', host, error: {kind: 'network', message: 'mx refused the connection.'}, at: at + t});

test('a MaxScale answering again after failing says so, with how long it gave no answer', () => {
	let state = ok(initialState(), 0, [1, 2]);
	state = failed(failed(state, 2000), 4000);
	assert.equal(state.error?.message, 'mx refused the connection.');
	state = ok(state, 14_000, [1, 2]);
	assert.equal(state.error, undefined);
	assert.deepEqual([state.message?.tone, state.message?.text], ['ok', 'MaxScale answers again: its polls failed for 14s before this one.']);
	// Not when it was not failing.
	assert.equal(ok(ok(initialState(), 0, [1]), 2000, [1]).message, undefined);
	// Several: named.
	const hosts = ['mx1:8989', 'mx2:8989'];
	let several = ok(ok(initialState({hosts}), 0, [1], 0, 'mx1:8989'), 10, [1], 0, 'mx2:8989');
	several = ok(failed(several, 2000, 'mx2:8989'), 8000, [1], 0, 'mx2:8989');
	assert.match(several.message?.text ?? '', /^mx2:8989 answers again: its polls failed for 8s/);
	// Back restarted (every session another): said so (QA: only "answers again").
	let restarted = ok(ok(initialState({hosts}), 0, [1, 2], 0, 'mx1:8989'), 10, [1, 2], 0, 'mx2:8989');
	restarted = ok(failed(restarted, 2000, 'mx2:8989'), 8000, [1, 2], 5, 'mx2:8989');
	assert.equal(restarted.message?.text, 'mx2:8989 answers again, restarted (its sessions are all new): its polls failed for 8s before this one.');
});

test('a restart (the same ids, other sessions) is no churn: the rates start afresh rather than spike', () => {
	const ids = Array.from({length: 200}, (_, i) => i + 1);
	let state = ok(initialState(), 0, ids);
	state = ok(state, 2000, [...ids.slice(1), 201]);
	state = ok(state, 4000, [...ids.slice(2), 201, 202]);
	assert.ok(Math.abs(state.changes.rates.opened - 0.5) < 1e-9, `${state.changes.rates.opened}`);
	// Restarted: the same ids, each another session.
	state = ok(state, 6000, ids, 5);
	assert.equal(state.hosts['']?.restarts, 1);
	assert.equal(state.message?.text, 'MaxScale restarted: its sessions are all new (its rates start afresh).', 'a restart between two polls is said too');
	assert.deepEqual(state.changes.rates, {opened: 0, closed: 0}, 'not 200 opened and closed in 2 s');
	state = ok(state, 8000, [...ids, 203], 5);
	assert.ok(state.changes.rates.opened > 0 && state.changes.rates.opened < 1, `${state.changes.rates.opened}: counted again from the poll after`);
});

test('QA: r pressed during an outage does not lose the sentence that MaxScale is back, and restarted', () => {
	let state = ok(initialState(), 0, [1, 2]);
	state = failed(failed(state, 2000), 4000);
	state = reducer(state, {type: 'command', command: 'refresh'});
	assert.equal(state.message?.text, 'Polling now…');
	state = ok(state, 7000, [1, 2], 5);
	assert.equal(state.message?.text, 'MaxScale answers again, restarted (its sessions are all new): its polls failed for 7s before this one.');
	// A key's answer gives way to it too; a note that says what to do does not.
	let answered = failed(ok(initialState(), 0, [1]), 2000);
	answered = {...answered, message: {tone: 'info', text: 'Put the cursor on a session to copy its id.', answer: true}};
	assert.match(ok(answered, 4000, [1]).message?.text ?? '', /^MaxScale answers again/);
	const advised = {...answered, message: {tone: 'info' as const, text: 'Ages read 9h too long: …', advice: true as const}};
	assert.equal(ok(advised, 4000, [1]).message?.text, 'Ages read 9h too long: …');
});

test('QA: after a pause or an outage the rates start afresh, not the gap\'s net change spread over minutes', () => {
	// Five opened a poll (2 s) for a while.
	let state = initialState();
	let next = 1;
	const live: number[] = [];
	const tick = (t: number) => {
		for (let i = 0; i < 5; i++) {
			live.push(next++);
		}

		state = ok(state, t, live.slice(-50));
	};

	for (let t = 0; t <= 10_000; t += 2000) {
		tick(t);
	}

	assert.ok(Math.abs(state.changes.rates.opened - 2.5) < 1e-9, `${state.changes.rates.opened}`);
	// Paused for 150 s: the poll after it saw 5 new where hundreds came and went.
	tick(160_000);
	assert.deepEqual(state.changes.rates, {opened: 0, closed: 0}, 'afresh, not 5 in 150 s');
	tick(162_000);
	assert.ok(Math.abs(state.changes.rates.opened - 2.5) < 1e-9, `${state.changes.rates.opened}: counted again from the poll after`);
	// Failing for 6 s: the same.
	state = failed(state, 164_000);
	tick(168_000);
	assert.deepEqual(state.changes.rates, {opened: 0, closed: 0});
});

test('after a restart, the ended sessions still shown keep their whole ids: the Id column is as wide as theirs (QA: `…465`)', () => {
	let state = ok(initialState(), 0, [1_992_277, 1_991_385]);
	assert.equal(state.summary.idWidth, 7);
	state = ok(state, 2000, [2, 13]);
	assert.ok(state.changes.ghosts.length === 2, 'the old sessions are shown as ended');
	assert.equal(state.summary.idWidth, 7, 'wide enough for 1992277');
	// Once they go, the column is as wide as the ids listed.
	for (let t = 4000; state.changes.ghosts.length > 0; t += 2000) {
		state = ok(state, t, [2, 13]);
	}

	assert.equal(state.summary.idWidth, 2);
});
