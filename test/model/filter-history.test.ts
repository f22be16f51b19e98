import assert from 'node:assert/strict';
import {test} from 'node:test';
import {canRecall, maxFilterHistory, noFilterHistory, recalled, remembered, stopped, type FilterHistory} from '../../source/model/filter-history.js';
import {reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {splitKeys} from '../../source/ui/key-names.js';
import {session} from '../helpers/sessions.js';
import {labels, start} from '../helpers/state.js';

// The filters kept this run and the prompt's Ctrl-P and Ctrl-N: the history alone, then through
// the reducer fed the bytes a terminal sends for them.

const kept = (...texts: string[]) => texts.reduce(remembered, noFilterHistory);

/** Ctrl-P (-1) and Ctrl-N (1) in turn from `line`: the texts each puts on the line (undefined: none, the line stays). */
function walk(history: FilterHistory, line: string, ...steps: Array<-1 | 1>): Array<string | undefined> {
	let current = history;
	let text = line;
	return steps.map((step) => {
		const recall = recalled(current, text, step);
		if (recall === undefined) {
			return undefined;
		}

		current = recall.history;
		text = recall.text;
		return text;
	});
}

test('each filter kept once, the latest keeping newest; a blank line is not kept; at most maxFilterHistory', () => {
	assert.deepEqual(kept('user:etl', 'idle>60', 'user:etl').entries, ['idle>60', 'user:etl']);
	assert.deepEqual(kept('user:etl', '', '   ').entries, ['user:etl']);
	const many = kept(...Array.from({length: maxFilterHistory + 5}, (_, i) => `id:${i}`));
	assert.equal(many.entries.length, maxFilterHistory);
	assert.equal(many.entries[0], 'id:5', 'the oldest go first');
	assert.equal(many.entries.at(-1), `id:${maxFilterHistory + 4}`);
});

test('Ctrl-P goes back newest first and stops at the oldest; Ctrl-N comes forward to the line as typed', () => {
	const history = kept('user:etl', 'idle>60', 'state:stopping');
	assert.deepEqual(walk(history, 'rep', -1, -1, -1, -1, 1, 1, 1, 1), ['state:stopping', 'idle>60', 'user:etl', undefined, 'idle>60', 'state:stopping', 'rep', undefined]);
	assert.equal(recalled(noFilterHistory, '', -1), undefined, 'nothing kept: nothing to go back to');
	assert.equal(recalled(history, 'x', 1), undefined, 'Ctrl-N before any Ctrl-P: nothing newer than the line');
});

test('the filter on the line that is the newest kept (/ again after Enter) is stepped over', () => {
	const history = kept('user:etl', 'idle>60');
	assert.deepEqual(walk(history, 'idle>60', -1, -1, 1, 1), ['user:etl', undefined, 'idle>60', 'idle>60']);
	assert.equal(canRecall(kept('idle>60'), 'idle>60'), false, 'its only filter is the one on the line');
	assert.equal(canRecall(kept('idle>60'), ''), true);
});

test('stopped: the next Ctrl-P starts from the newest again, with the line as it is now as the draft', () => {
	const history = kept('a', 'b', 'c');
	const going = recalled(recalled(history, '', -1)!.history, 'c', -1)!;
	assert.equal(going.text, 'b');
	assert.deepEqual(walk(stopped(going.history), 'b x', -1, 1), ['c', 'b x']);
	assert.equal(stopped(history), history, 'not going through them: the same history');
});

const bytes = {ctrlP: '\u0010', ctrlN: '\u000E', enter: '\r', escape: '\u001B', backspace: '\u007F'};

function keys(state: MonitorState, ...reads: string[]): MonitorState {
	return reads.flatMap((read) => splitKeys(read)).reduce((current, {input, name}) => reducer(current, {type: 'key', input, name}), state);
}

const ids = (state: MonitorState) => labels(state).filter((label) => /^\d/.test(label));

test('through the reducer: filters kept with Enter come back with Ctrl-P and Ctrl-N, each filtering the list as it comes', () => {
	let state = start([session(1, {user: 'bob'}), session(2, {user: 'alice'}), session(3, {user: 'carol', idleSeconds: 600})]);
	state = keys(state, '/', 'user:bob', bytes.enter, '/', bytes.backspace.repeat(8), 'idle>60', bytes.enter);
	assert.deepEqual(state.filterHistory.entries, ['user:bob', 'idle>60']);
	assert.deepEqual(ids(state), ['3']);
	// Esc in the list clears the filter; / then Ctrl-P brings back the newest.
	state = keys(state, bytes.escape, '/', 'user:ali');
	assert.deepEqual(ids(state), ['2']);
	state = keys(state, bytes.ctrlP);
	assert.equal(state.filter.text, 'idle>60');
	assert.equal(state.filterCursor, 7, 'the cursor after its end');
	assert.deepEqual(ids(state), ['3']);
	state = keys(state, bytes.ctrlP);
	assert.equal(state.filter.text, 'user:bob');
	assert.deepEqual(ids(state), ['1']);
	state = keys(state, bytes.ctrlP);
	assert.equal(state.filter.text, 'user:bob', 'the oldest: Ctrl-P stays');
	state = keys(state, bytes.ctrlN, bytes.ctrlN);
	assert.equal(state.filter.text, 'user:ali', 'past the newest, the line as it was typed');
	assert.deepEqual(ids(state), ['2']);
	// Esc drops the line and keeps nothing; the history stays for the next prompt.
	state = keys(state, bytes.escape);
	assert.equal(state.mode, 'list');
	assert.deepEqual(state.filterHistory.entries, ['user:bob', 'idle>60']);
});

test('through the reducer: a filter with an error is not kept (Enter waits), and an edit after Ctrl-P starts the walk afresh', () => {
	let state = start([session(1, {user: 'bob'})]);
	state = keys(state, '/', 'usr:bob', bytes.enter);
	assert.equal(state.mode, 'filter', 'Enter waits for the filter to be mended');
	assert.deepEqual(state.filterHistory.entries, []);
	state = keys(state, bytes.escape, '/', 'user:bob', bytes.enter, '/', bytes.backspace.repeat(8), 'id:1', bytes.enter, '/');
	state = keys(state, bytes.ctrlP, 'x');
	assert.equal(state.filter.text, 'user:bobx');
	state = keys(state, bytes.ctrlP);
	assert.equal(state.filter.text, 'id:1', 'the walk starts again from the newest, user:bobx its draft');
	state = keys(state, bytes.ctrlN);
	assert.equal(state.filter.text, 'user:bobx');
});
