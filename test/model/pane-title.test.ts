import assert from 'node:assert/strict';
import {test} from 'node:test';
import {fitTitle} from '../../source/model/pane-title.js';

const line = (parts: ReturnType<typeof fitTitle>) => parts.label + parts.status + parts.range;

test('the pane title leaves out whole parts, the changed count first, and never cuts the line counter', () => {
	const parts = {label: 'Session 3189867', status: ' · 2 changed', minor: true, range: ' 145-159/1234'};
	assert.equal(line(fitTitle(parts, 60)), 'Session 3189867 · 2 changed 145-159/1234');
	assert.equal(line(fitTitle(parts, 38)), 'Session 3189867 145-159/1234');
	assert.equal(line(fitTitle(parts, 24)), '#3189867 145-159/1234');
	assert.equal(line(fitTitle(parts, 16)), '#3… 145-159/1234', 'the label cut only when nothing else is left');
	for (let width = 14; width <= 60; width++) {
		const fitted = line(fitTitle(parts, width));
		assert.ok(fitted.length <= width, fitted);
		assert.ok(fitted.endsWith(' 145-159/1234'), `${width}: ${fitted}`);
	}
});

test('a state (ended, last good) stays while the label shortens; the host goes first', () => {
	const parts = {label: 'Session 42 on mx2:8989', status: ' · last good at 02:59:14', minor: false, range: ' 1-3/120'};
	assert.equal(line(fitTitle(parts, 60)), 'Session 42 on mx2:8989 · last good at 02:59:14 1-3/120');
	assert.equal(line(fitTitle(parts, 42)), 'Session 42 · last good at 02:59:14 1-3/120');
	assert.equal(line(fitTitle(parts, 35)), '#42 · last good at 02:59:14 1-3/120');
	assert.equal(line(fitTitle(parts, 34)), 'Session 42 on mx2:8989 1-3/120');
	assert.equal(line(fitTitle(parts, 12)), '#42 1-3/120');
});

test('with several MaxScales the host is the last part to go, cut at its front first: the same id can live on two', () => {
	const parts = {label: 'Session 3188634 on 127.0.0.1:18811', status: '', minor: true, range: ' 1-14/124'};
	assert.equal(line(fitTitle(parts, 60)), 'Session 3188634 on 127.0.0.1:18811 1-14/124');
	assert.equal(line(fitTitle(parts, 40)), 'Session 3188634 on …0.1:18811 1-14/124');
	assert.equal(line(fitTitle(parts, 34)), '#3188634 on …0.1:18811 1-14/124');
	assert.equal(line(fitTitle(parts, 30)), 'Session 3188634 1-14/124');
});
