import assert from 'node:assert/strict';
import {test} from 'node:test';
import {reducer} from '../../source/model/monitor-state.js';
import {confirmQuestion} from '../../source/model/confirm-question.js';
import {markedInGroups, marksOf} from '../../source/model/marks.js';
import {isGroupRow} from '../../source/model/rows.js';
import {serviceKey, stateKey} from '../../source/model/groups.js';
import {session} from '../helpers/sessions.js';
import {poll, start, type} from '../helpers/state.js';

// Two services; in RW, two states. etl has sessions in both services.
const sessions = [
	session(1, {user: 'etl', service: 'RW'}),
	session(2, {user: 'app', service: 'RW'}),
	session(3, {user: 'etl', service: 'RW', state: 'Stopping session'}),
	session(4, {user: 'etl', service: 'Report'}),
	session(5, {user: 'app', service: 'Report'}),
];
const live = () => reducer(start(sessions), {type: 'server-info', info: {version: '24.02.3', askedAt: 0}});
const marked = (state: ReturnType<typeof live>) => [...state.marked].sort();
const filter = (text: string) => ['/', ...text, 'return'];

test('* marks every session the filter shows, then K names them all; * again unmarks them', () => {
	let state = type(live(), ...filter('user:etl'), '*');
	assert.deepEqual(marked(state), ['1', '3', '4']);
	assert.equal(state.message?.text, 'Marked the 3 sessions the filter shows.');
	state = type(state, 'K');
	assert.equal(confirmQuestion(state.confirm!), 'Kill 3 marked sessions of etl on RW and Report: 1, 3, 4?');
	state = type(state, 'n', '*');
	assert.deepEqual(marked(state), []);
	assert.equal(state.message?.text, 'Unmarked 3 sessions.');
	state = type(state, 'escape', '*');
	assert.equal(state.marked.size, 5, 'no filter: every session listed');
	assert.equal(state.message?.text, 'Marked all 5 sessions.');
});

test('Space on a group row marks the group (what the filter shows of it, collapsed or not), and again unmarks it', () => {
	let state = live();
	state = {...state, selectedId: serviceKey('RW')};
	state = type(state, 'space');
	assert.deepEqual(marked(state), ['1', '2', '3']);
	assert.equal(state.message?.text, 'Marked 3 sessions of RW.');
	// Then down, as on a session: past the group's rows to the next service, so Space Space marks two.
	assert.equal(state.selectedId, serviceKey('Report'));
	state = type(state, 'space');
	assert.deepEqual(marked(state), ['1', '2', '3', '4', '5']);
	assert.equal(state.selectedId, serviceKey('Report'), 'the last group: the cursor stays');
	state = type(state, 'space');
	assert.deepEqual(marked(state), ['1', '2', '3'], 'again unmarks it');
	state = {...state, selectedId: serviceKey('RW')};
	state = type(state, 'space');
	assert.deepEqual(marked(state), []);
	// A state group moves to the next group row of any rank.
	state = {...state, selectedId: stateKey('RW', 'Session started')};
	state = type(state, 'space');
	assert.deepEqual(marked(state), ['1', '2']);
	assert.equal(state.selectedId, stateKey('RW', 'Stopping session'));
	state = type(state, 'space');
	assert.deepEqual(marked(state), ['1', '2', '3']);
	assert.equal(state.selectedId, serviceKey('Report'));
	state = type(state, 'u');
	// A state group, under a filter, collapsed.
	state = type(state, ...filter('user:etl'));
	state = {...state, selectedId: stateKey('RW', 'Stopping session')};
	state = type(state, 'c', 'space');
	assert.deepEqual(marked(state), ['3']);
	assert.equal(state.message?.text, 'Marked 1 session of RW › Stopping session (filtered).');
});

test('grouped by user or client host, Space on a group marks that user\'s or host\'s sessions across services, and K names exactly those', () => {
	// etl has sessions in both services and in two states; by user they are one group.
	let state = type(live(), 't', 't');
	assert.equal(state.grouping, 'user');
	const etl = state.rows.find((row) => 'kind' in row && row.kind === 'service' && row.service === 'etl')!;
	state = type({...state, selectedId: etl.key}, 'space');
	assert.deepEqual(marked(state), ['1', '3', '4']);
	assert.equal(state.message?.text, 'Marked 3 sessions of etl.');
	state = type(state, 'K');
	assert.equal(confirmQuestion(state.confirm!), 'Kill 3 marked sessions of etl on RW and Report: 1, 3, 4?');
	// By client host: one host's sessions, whoever the user; a session with no client is in a group of its own.
	const hosts = sessions.map((one) => ({...one, remote: one.id === '5' ? undefined : one.user === 'etl' ? '10.0.7.5' : '10.0.6.11'}));
	state = type(reducer(start(hosts), {type: 'server-info', info: {version: '24.02.3', askedAt: 0}}), 't', 't', 't');
	assert.equal(state.grouping, 'client');
	const app = state.rows.find((row) => 'kind' in row && row.kind === 'service' && row.service === '10.0.6.11')!;
	state = type({...state, selectedId: app.key}, 'space');
	assert.deepEqual(marked(state), ['2']);
	const none = state.rows.find((row) => 'kind' in row && row.kind === 'service' && row.service === '(no client)')!;
	state = type({...state, selectedId: none.key}, 'space');
	assert.deepEqual(marked(state), ['2', '5']);
});

test('u and Esc say what they unmarked, or that nothing was', () => {
	let state = type(live(), 'u');
	assert.equal(state.message?.text, 'No session is marked.');
	state = type(state, 'down', 'space', 'space');
	state = type(state, 'escape');
	assert.deepEqual(marked(state), []);
	assert.equal(state.message?.text, 'Unmarked 2 sessions.');
});

test('* again unmarks even after a poll brought new sessions (most marked), and K names marks in id order', () => {
	let state = type(live(), '*');
	assert.equal(state.marked.size, 5);
	// A poll: one ended, two opened (unmarked).
	state = poll(state, [...sessions.slice(1), session(6, {service: 'RW'}), session(7, {service: 'RW'})]);
	assert.equal(state.marked.size, 4);
	state = type(state, '*');
	assert.equal(state.marked.size, 0, 'undone, not the newcomers marked');
	assert.equal(state.message?.text, 'Unmarked 4 sessions.');
	// Marked last-first: the question still names them by id.
	state = {...state, selectedId: '7'};
	state = type(state, 'space');
	state = {...state, selectedId: '2'};
	state = type(state, 'space', 'K');
	assert.equal(confirmQuestion(state.confirm!), 'Kill 2 marked sessions on RW: 2, 7?');
});

test('Space moves the cursor as a key does: the list scrolls to show it, the pane follows it', () => {
	// Three rows of list: RW's service row, its two state rows and sessions come first.
	let state = reducer(live(), {type: 'resize', listHeight: 3, paneHeight: 10, paneWidth: 40});
	state = {...state, selectedId: serviceKey('RW'), listTop: 0};
	state = type(state, 'space');
	assert.equal(state.selectedId, serviceKey('Report'));
	const at = state.rows.findIndex((row) => row.key === state.selectedId);
	assert.ok(at >= state.listTop && at < state.listTop + state.listHeight, `row ${at} in view from ${state.listTop}`);
	// On a session with the pane open: the pane goes with the cursor, as ↓ takes it.
	state = type({...state, selectedId: '1'}, 'return');
	assert.equal(state.pane.id, '1');
	state = type(state, 'space');
	assert.equal(state.selectedId, '2');
	assert.equal(state.pane.id, '2', 'the pane shows the session the cursor is on');
});

test('a group row counts its marked sessions, those the filter lets through, by the grouping of the moment', () => {
	let state = type(live(), ...filter('user:etl'), '*', 'escape');
	const counts = (s: typeof state) => Object.fromEntries(s.rows.filter((row) => isGroupRow(row)).map((row) => [row.key, marksOf(markedInGroups(s), row)]));
	assert.deepEqual(counts(state), {[serviceKey('RW')]: 2, [stateKey('RW', 'Session started')]: 1, [stateKey('RW', 'Stopping session')]: 1, [serviceKey('Report')]: 1, [stateKey('Report', 'Session started')]: 1});
	// The filter hides session 4: Report's rows count none.
	state = type(state, ...filter('service:rw'), 'return');
	assert.equal(markedInGroups(state).outer.get('Report') ?? 0, 0);
	assert.equal(markedInGroups(state).outer.get('RW'), 2);
	// By user, the marks are all etl's, the two the filter shows; flat, no group row to count them.
	state = type(state, 't', 't');
	assert.equal(state.grouping, 'user');
	assert.deepEqual([...markedInGroups(state).outer], [['etl', 2]]);
	assert.equal(markedInGroups(state).states.size, 0, 'no state rows by user');
	assert.equal(markedInGroups({...state, grouping: 'flat'}).outer.size, 0);
});
