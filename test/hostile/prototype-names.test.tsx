// QA: a session state named `constructor` crashed the monitor (exit 70) and `toString` showed
// JavaScript's source as the state: lookups by the server's text on object literals found
// Object's own members. Every such name, in every text field, on the screen and in the header.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {initialState, reducer} from '../../source/model/monitor-state.js';
import {idWidthOf, layoutFor} from '../../source/ui/layout.js';
import {Screen} from '../../source/ui/screen.js';
import {themeFor} from '../../source/ui/theme.js';
import {plain} from '../helpers/ink.js';
import {session} from '../helpers/sessions.js';

const names = ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty', 'prototype'];

test('states, services, users and clients named like Object\'s members show as sent, whatever the grouping', () => {
	const sessions = names.map((name, i) => session(i + 1, {state: name, service: name, user: name, remote: name}));
	for (const grouping of ['service-state', 'service', 'flat'] as const) {
		let state = reducer(initialState({grouping}), {type: 'poll-ok', sessions, at: Date.now(), latencyMs: 1, bytes: 1});
		state = reducer(state, {type: 'resize', listHeight: 30, paneHeight: 20, paneWidth: 60});
		const app = render(<Screen state={state} layout={layoutFor(state, {columns: 160, rows: 40}, idWidthOf(state))} theme={themeFor({NO_COLOR: '1'})} hostLabel="mx" />);
		const frame = plain(app.lastFrame());
		app.unmount();
		assert.doesNotMatch(frame, /native code|\[object Object\]|function /, grouping);
		for (const name of names) {
			assert.ok(frame.includes(name), `${grouping}: ${name}\n${frame}`);
		}
	}
});
