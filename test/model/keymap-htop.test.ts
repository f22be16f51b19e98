// htop's function keys do here what they do there (QA: an htop user presses F10 to leave, F4 to filter).

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {keyHint} from '../../source/model/keymap.js';
import {session} from '../helpers/sessions.js';
import {start, twoPolls, type} from '../helpers/state.js';

test('F10 quits, F3 and F4 open the filter, F5 changes the grouping, F6 the sort', () => {
	const state = twoPolls(['RW-Split-Router', 'Analytics-Service']);
	assert.equal(type(state, 'f10').quitting, true);
	assert.equal(type(state, 'f3').mode, 'filter');
	assert.equal(type(state, 'f4').mode, 'filter');
	assert.notEqual(type(state, 'f5').grouping, state.grouping);
	assert.notDeepEqual(type(state, 'f6').sort, state.sort);
});

test('QA: paused, every list or pane hint line names p resume (the pane\'s had no p)', async () => {
	const {keyHint} = await import('../../source/model/keymap.js');
	for (const situation of ['list', 'group', 'list-pane', 'group-pane', 'pane', 'empty', 'filtered-out'] as const) {
		const hints = keyHint(situation, false, true);
		assert.ok(hints.some((hint) => hint.label === 'p' && hint.text === 'resume'), situation);
		assert.deepEqual(hints.slice(-2).map((hint) => hint.label), ['?', 'q'], `${situation}: help and quit last`);
		assert.ok(!keyHint(situation).some((hint) => hint.text === 'resume'), `${situation}, not paused`);
	}

	assert.ok(!keyHint('confirm-kill', false, true).some((hint) => hint.label === 'p'), 'a question takes y or n');
});

test('QA: - at 0.5 s and + at 60 s say so, rather than do nothing unsaid', async () => {
	const {start} = await import('../helpers/state.js');
	const {session} = await import('../helpers/sessions.js');
	const fastest = start([session(1)], {intervalMs: 500});
	assert.match(type(fastest, '-').message?.text ?? '', /^Every 0\.5 s is as often as sessiontop polls/);
	assert.equal(type(fastest, '-').intervalMs, 500);
	assert.match(type(start([session(1)], {intervalMs: 60_000}), '+').message?.text ?? '', /^Every 60 s is as seldom/);
	assert.equal(type(fastest, '+').intervalMs, 1000);
	// A step that took is said too, as every other key's outcome (QA: only the header's `every` changed).
	assert.equal(type(fastest, '+').message?.text, 'Polling every 1 s now.');
	assert.equal(type(fastest, '+', '+', '-').message?.text, 'Polling every 1 s now.');
});

test('htop\'s sort keys: M by memory and T by age, largest first, N by id; pressed again, the other way', async () => {
	const {start} = await import('../helpers/state.js');
	const {session} = await import('../helpers/sessions.js');
	const {savedSessions} = await import('../../source/model/snapshot.js');
	const state = start([session(1, {memoryBytes: 300, ageSeconds: 5}), session(2, {memoryBytes: 900, ageSeconds: 50}), session(3, {memoryBytes: 100, ageSeconds: 500})], {grouping: 'flat'});
	const order = (keys: string[]) => savedSessions(type(state, ...keys)).map((one) => Number(one.id));
	assert.deepEqual(type(state, 'M').sort, {key: 'memory', descending: true});
	assert.deepEqual(order(['M']), [2, 1, 3]);
	assert.deepEqual(order(['M', 'M']), [3, 1, 2], 'again: smallest first');
	assert.deepEqual(order(['T']), [3, 2, 1]);
	assert.deepEqual(order(['M', 'T']), [3, 2, 1], 'from another sort: that column, its natural way');
	assert.deepEqual(order(['T', 'N']), [1, 2, 3]);
	assert.deepEqual(order(['T', 'N', 'N']), [3, 2, 1]);
	// Sorted by id already (the default): N is the press again.
	assert.deepEqual(order(['N']), [3, 2, 1]);
	// In the filter prompt they are text, as every letter is.
	const typed = type(state, '/', 'M', 'T', 'N', 'return');
	assert.equal(typed.filter.text, 'MTN');
	assert.deepEqual(typed.sort, state.sort);
});

test('W asks for a recording to start, or to stop when one is on; a replay is not recorded again', async () => {
	const {start, run} = await import('../helpers/state.js');
	const {session} = await import('../helpers/sessions.js');
	const live = start([session(1)]);
	const asked = type(live, 'W');
	assert.deepEqual(asked.effects.at(-1), {seq: asked.seq, kind: 'record', stop: false});
	const on = run(live, {type: 'recording', file: '/tmp/x.ndjson'});
	assert.equal(on.recordingTo, '/tmp/x.ndjson');
	const again = type(on, 'W');
	assert.deepEqual(again.effects.at(-1), {seq: again.seq, kind: 'record', stop: true});
	assert.equal(run(on, {type: 'recording', file: undefined}).recordingTo, undefined);
	const replaying = run(live, {type: 'replay-load', frames: [{t: 1, host: '', ok: true, latencyMs: 1, bytes: 1, sessions: [session(1)]}]});
	const refused = type(replaying, 'W');
	assert.equal(refused.effects.length, replaying.effects.length);
	assert.match(refused.message?.text ?? '', /^A replay is not recorded again/);
});

test('QA: i sorts by idle time, the idlest first; again, the other way (only < and > reached it)', async () => {
	const {start} = await import('../helpers/state.js');
	const {session} = await import('../helpers/sessions.js');
	const {savedSessions} = await import('../../source/model/snapshot.js');
	const state = start([session(1, {idleSeconds: 30}), session(2, {idleSeconds: 900}), session(3, {idleSeconds: 1})], {grouping: 'flat'});
	const order = (keys: string[]) => savedSessions(type(state, ...keys)).map((one) => Number(one.id));
	assert.deepEqual(type(state, 'i').sort, {key: 'idle', descending: true});
	assert.deepEqual(order(['i']), [2, 1, 3]);
	assert.deepEqual(order(['i', 'i']), [3, 1, 2]);
	assert.equal(type(state, '/', 'i', 'return').filter.text, 'i', 'text in the filter prompt');
});

test('QA: q with the pane open closes it, as less does, and quits only from the list; Ctrl-C and F10 quit from anywhere', () => {
	const list = [session(1), session(2)];
	const open = type(start(list), 'down', 'return');
	assert.equal(open.pane.open, true);
	for (const keys of [['q'], ['tab', 'q'], ['tab', 'z', 'q']]) {
		const after = type(open, ...keys);
		assert.equal(after.quitting, false, keys.join(' '));
		assert.equal(after.pane.open, false, `${keys.join(' ')}: the pane closed`);
	}

	assert.equal(type(open, 'q', 'q').quitting, true, 'q again, from the list: quit');
	assert.equal(type(open, 'ctrl+c').quitting, true);
	assert.equal(type(open, 'f10').quitting, true);
	// From a prompt, a question and the help too (QA: F10 was a key like any other there).
	for (const keys of [['/'], ['tab', '/'], ['K'], ['?']]) {
		assert.equal(type(open, ...keys, 'f10').quitting, true, keys.join(' '));
		assert.equal(type(open, ...keys, 'ctrl+c').quitting, true, keys.join(' '));
	}
	assert.deepEqual(keyHint('pane').slice(-1).map((hint) => `${hint.label} ${hint.text}`), ['q close']);
	assert.deepEqual(keyHint('list').slice(-1).map((hint) => `${hint.label} ${hint.text}`), ['q quit']);
});
