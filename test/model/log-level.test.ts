// L: a session's own info log (PATCH /v1/sessions/:id, parameters.log_info, MaxScale 6.0+),
// asked first like a kill, with two answers: y on, n off; Esc, Enter and q leave it.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {confirmQuestion} from '../../source/model/confirm-question.js';
import {keyHint} from '../../source/model/keymap.js';
import {summarizeLog} from '../../source/model/log-outcome.js';
import {reducer, type MonitorState} from '../../source/model/monitor-state.js';
import type {Effect, Target} from '../../source/model/operations.js';
import {session} from '../helpers/sessions.js';
import {start, type} from '../helpers/state.js';

const sessions = [session(1, {user: 'app', remote: '10.0.0.1', port: 5000}), session(2, {user: 'report', remote: '10.0.0.2', port: 5001})];
const withVersion = (state: MonitorState, version: string) => reducer(state, {type: 'server-info', info: {version, uptimeSeconds: 10, askedAt: 1}});

function operationOf(state: MonitorState): Extract<Effect, {kind: 'operation'}> {
	const effect = state.effects.at(-1);
	assert.ok(effect?.kind === 'operation', `an operation, not ${effect?.kind}`);
	return effect;
}

test('L asks about the cursor\'s session; y turns its info log on, n off, each only that session', () => {
	const asked = type(withVersion(start(sessions), '24.02.3'), 'down', 'L');
	assert.equal(asked.mode, 'confirm');
	assert.equal(
		confirmQuestion(asked.confirm!),
		"Info log for session 2 (report@10.0.0.2:5001, RW-Split-Router)? MaxScale's log then has its info messages (how each statement is routed).",
	);
	const on = type(asked, 'y');
	assert.deepEqual([operationOf(on).operation, operationOf(on).logOn, operationOf(on).targets.map((target) => target.id)], ['log', true, ['2']]);
	assert.match(on.message?.text ?? '', /^Turning the info log on for 1 session…$/);
	const off = type(asked, 'n');
	assert.deepEqual([operationOf(off).logOn, operationOf(off).targets.map((target) => target.id)], [false, ['2']]);
	for (const key of ['escape', 'return', 'q']) {
		const left = type(asked, key);
		assert.equal(left.mode, 'list');
		assert.deepEqual(left.effects, [], key);
		assert.equal(left.message?.text, 'No log level was changed.');
	}

	// The hints name both answers (n is not "no" here).
	assert.deepEqual(keyHint('confirm-log').map((hint) => `${hint.label} ${hint.text}`), ['y on', 'n off', 'Enter Esc leave it']);
});

test('L on a MaxScale before 6.0 says so and asks nothing; read-only and replay refuse it', () => {
	const old = type(withVersion(start(sessions), '2.5.28'), 'L');
	assert.equal(old.mode, 'list');
	assert.equal(old.message?.text, "MaxScale 2.5.28 cannot set a session's log level: that needs MaxScale 6.0 or later.");
	// 6.0 has it, though it cannot kill.
	assert.equal(type(withVersion(start(sessions), '6.4.15'), 'L').mode, 'confirm');
	assert.equal(type(withVersion(start(sessions), '6.4.15'), 'K').mode, 'list');
	const readonly = type(start(sessions, {readonly: true}), 'L');
	assert.match(readonly.message?.text ?? '', /setting a session's log level is off/);
});

const target = (id: string): Target => ({key: id, id, host: '', user: 'app', client: '10.0.0.1:5000', service: 'RW-Split-Router'});

test('what L did, in one sentence: on, off, ended, not found, read-only, some of several', () => {
	assert.equal(summarizeLog(true, [{target: target('7'), ok: true}], []), "Session 7 (app@10.0.0.1:5000, RW-Split-Router) logs at info level now (log_info): MaxScale's log has its info messages; L again turns it off.");
	assert.equal(summarizeLog(false, [{target: target('7'), ok: true}], []), 'Session 7 (app@10.0.0.1:5000, RW-Split-Router) no longer logs at info level (log_info off).');
	assert.equal(summarizeLog(true, [], [target('7')]), 'Session 7 (app@10.0.0.1:5000, RW-Split-Router) had already ended: no log level to change.');
	assert.match(summarizeLog(true, [{target: {...target('7'), versionUnknown: true}, ok: false, status: 404}], []), /was not found \(404\): it had ended, or its MaxScale \(version unknown\) is older than 6\.0/);
	assert.match(summarizeLog(true, [{target: target('7'), ok: false, status: 404, server: {version: '2.5.28', askedAt: 1}}], []), /is now 2\.5\.28, older than 6\.0/);
	assert.equal(summarizeLog(true, [{target: target('7'), ok: false, status: 403, error: 'x'}], []), 'No log level was changed: this REST API user is read-only (403); use an admin user.');
	assert.match(summarizeLog(true, [{target: target('7'), ok: false, status: 401, error: 'x'}], []), /read-only \(basic\) user; use an admin user\.$/);
	assert.equal(
		summarizeLog(false, [{target: target('1'), ok: true}, {target: target('2'), ok: false, status: 400, error: 'mx: Invalid parameter.'}], [target('3')]),
		'Info log off for 1 of 3 sessions; 1 had already ended; 1 failed: mx: Invalid parameter.',
	);
});

test('marks stay after L: the sessions live on, for the next key', () => {
	let state = type(withVersion(start(sessions), '24.02.3'), 'space', 'space', 'L', 'y');
	const {seq, targets} = operationOf(state);
	assert.deepEqual(targets.map((one) => one.id), ['1', '2']);
	state = reducer(state, {type: 'operation-done', seq, operation: 'log', logOn: true, outcomes: targets.map((one) => ({target: one, ok: true})), gone: []});
	assert.equal(state.marked.size, 2);
	assert.equal(state.message?.text, 'Info log on for 2 of 2 sessions.');
});
