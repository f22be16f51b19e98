// A MaxScale before 23.02 east of the operator's zone: its list reader moved the ages by what
// its idle times proved (api/server-clock.ts). Said on the status line when that move is
// first made and whenever it grows, as the west case is (zone-hint.ts): ages moved hours
// with nothing on screen to say so read as the server's own.

import {hostKey} from './host-key.js';
import type {Action, MonitorState} from './monitor-state.js';
import {aheadHint} from './zone-hint.js';

export function withAheadNote(before: MonitorState, after: MonitorState, action: Extract<Action, {type: 'poll-ok'}>): MonitorState {
	const aheadMs = action.aheadMs ?? 0;
	const host = hostKey(before, action.host);
	const status = after.hosts[host];
	if (after === before || status === undefined || aheadMs <= (status.aheadMs ?? 0)) {
		return after;
	}

	const hosts = {...after.hosts, [host]: {...status, aheadMs}};
	const label = before.hostOrder.length > 1 ? host : '';
	return {...after, hosts, message: {tone: 'info', advice: true, text: aheadHint(label, aheadMs, -new Date(action.at).getTimezoneOffset())}};
}
