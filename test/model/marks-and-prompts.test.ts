import assert from 'node:assert/strict';
import {test} from 'node:test';
import {keyHint} from '../../source/model/keymap.js';
import {reducer} from '../../source/model/monitor-state.js';
import {markCounts} from '../../source/model/marks.js';
import {savedMessage} from '../../source/model/copy-save.js';
import {confirmQuestion} from '../../source/model/confirm-question.js';
import {session} from '../helpers/sessions.js';
import {start, type} from '../helpers/state.js';

const sessions = [
	session(123, {user: 'app', remote: '10.0.0.1', port: 5000}),
	session(456, {user: 'app', remote: '10.0.0.2', port: 5001}),
	session(789, {user: 'report', remote: '10.0.0.3', port: 5002}),
];

/** A state whose MaxScale's version is known (22.08+): the questions say nothing of it. */
const live = (list: typeof sessions) => reducer(start(list), {type: 'server-info', info: {version: '24.02.3', askedAt: 0}});

/** Type text into the filter prompt and keep it. */
const filter = (text: string) => ['/', ...text, 'return'];

test('K on marks the filter hides names them and says how many are hidden', () => {
	let state = type(live(sessions), 'space', 'space', ...filter('user:report'));
	assert.deepEqual([...state.marked], ['123', '456']);
	assert.deepEqual(markCounts(state), {marked: 2, hidden: 2});
	state = type(state, 'K');
	assert.equal(state.confirm?.hidden, 2);
	assert.equal(confirmQuestion(state.confirm!), 'Kill 2 marked sessions of app on RW-Split-Router (2 hidden by the filter): 123, 456?');
	// Without a filter, the same marks: named, nothing hidden.
	state = type(state, 'escape', 'escape', 'K');
	assert.equal(confirmQuestion(state.confirm!), 'Kill 2 marked sessions of app on RW-Split-Router: 123, 456?');
	assert.deepEqual(markCounts(state), {marked: 2, hidden: 0});
	// A restart says what it does, which is no kill.
	assert.equal(confirmQuestion(type(state, 'n', 'R').confirm!), "Restart 2 marked sessions of app on RW-Split-Router: 123, 456? Each gets new server connections and the service's latest configuration; the client stays connected.");
});

test('one marked session hidden by the filter: named in full, and said to be hidden', () => {
	const state = type(live(sessions), 'space', ...filter('user:report'), 'R');
	assert.equal(confirmQuestion(state.confirm!), "Restart session 123 (app@10.0.0.1:5000, RW-Split-Router), hidden by the filter? It gets new server connections and the service's latest configuration; the client stays connected.");
});

test('many marks: a few ids, then how many more', () => {
	const many = Array.from({length: 8}, (_, i) => session(i + 1));
	const state = type(live(many), ...Array.from({length: 8}, () => 'space'), 'K');
	assert.equal(confirmQuestion(state.confirm!), 'Kill 8 marked sessions on RW-Split-Router: 1, 2, 3, 4, 5 and 3 more?');
	assert.equal(markCounts(start(many)), undefined, 'no marks, nothing to say');
});

test('only a kill offers a grace period: MaxScale\'s restart call takes none', () => {
	assert.ok(keyHint('confirm-kill').some((hint) => hint.label === '0-9'));
	assert.ok(!keyHint('confirm-restart').some((hint) => hint.label === '0-9'));
	const state = type(start(sessions), 'R', '5');
	assert.equal(state.confirm?.ttl, '', 'digits do nothing in a restart prompt');
});

test('the save sentence says what was saved: the list, filtered or not, and the document only when there is one', () => {
	let state = start(sessions);
	assert.equal(savedMessage(state, 'f.json'), 'Saved the list to f.json.');
	state = type(state, 'return');
	assert.equal(savedMessage(state, 'f.json'), 'Saved the list to f.json.', 'the pane open, its document not loaded yet');
	state = reducer(state, {type: 'document-loaded', id: '123', document: {data: {id: '123'}}});
	assert.equal(savedMessage(state, 'f.json'), 'Saved the list and the document of session 123 to f.json.');
	state = type(state, ...filter('app'));
	assert.equal(savedMessage(state, 'f.json'), 'Saved the filtered list and the document of session 123 to f.json.');
	state = type(state, 'escape');
	assert.equal(savedMessage(state, 'f.json'), 'Saved the filtered list to f.json.', 'the pane closed');
});

test('QA: the question says whose the marked sessions are: one or two users and services by name, more by count', () => {
	const users = ['metabase', 'report', 'etl', 'app'];
	const many = Array.from({length: 12}, (_, i) => session(i + 1, {user: users[i % 4], service: ['RW', 'RO', 'Analytics'][i % 3]}));
	// Grouped by service: the first group's rows, marked as a whole from its row.
	assert.match(confirmQuestion(type(start(many), '*', 'K').confirm!), /^Kill 12 marked sessions of 4 users on 3 services: 1, 2, 3, 4, 5 and 7 more[ ?]/);
	const two = many.filter((one) => one.user === 'metabase' || one.user === 'report').map((one) => ({...one, service: 'RW'}));
	assert.match(confirmQuestion(type(start(two), '*', 'K').confirm!), /^Kill 6 marked sessions of metabase and report on RW: 1, 2, 5, 6, 9, 10[ ?]/);
	// One not logged in yet: no users named, the service still.
	const anonymous = [...two, session(99, {service: 'RW'})];
	assert.match(confirmQuestion(type(start(anonymous), '*', 'K').confirm!), /^Kill 7 marked sessions on RW: 1, 2, 5, 6, 9 and 2 more[ ?]/);
});
