// What a replay's pane shows of a session: the list's fields as recorded (a recording holds no
// full documents), compared ("was 76.4") with the same session in its MaxScale's poll before
// the frame shown. Compared with whatever the pane showed last, a step back with `[` read the
// later poll's values as the earlier ones: an idle time growing read as one falling.

import type {Action, MonitorState} from './monitor-state.js';
import {runStart} from './replay.js';
import type {Session} from './session.js';

/** The session `key` in its MaxScale's last good poll before the one shown, in the same run of --record. */
function recordedBefore(state: MonitorState, session: Session): Session | undefined {
	const {replay} = state;
	if (replay === undefined) {
		return undefined;
	}

	const start = runStart(replay.frames, replay.index);
	let shown = false;
	for (let i = Math.min(replay.index, replay.frames.length - 1); i >= start; i--) {
		const frame = replay.frames[i]!;
		if (frame.host !== session.host || !frame.ok) {
			continue;
		}

		// The first good frame of its MaxScale going back is the one shown; the next, the one before.
		if (shown) {
			return frame.sessions.find((each) => each.key === session.key);
		}

		shown = true;
	}

	return undefined;
}

/** The pane's document for session `key` in a replay, with what its values are compared with. */
export function replayDocument(state: MonitorState, key: string): Action | undefined {
	const session = state.byId.get(key);
	if (session === undefined) {
		return undefined;
	}

	const before = recordedBefore(state, session);
	return {type: 'document-loaded', id: key, document: {recorded: session}, previous: {document: before === undefined ? undefined : {recorded: before}}};
}
