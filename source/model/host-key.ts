// The name under which `hosts` knows a MaxScale, in a file of its own: poll.ts imports
// pane.ts, which needs it too (an open pane learns of its MaxScale's failed polls).

import type {MonitorState} from './monitor-state.js';

/** The key of a host in `hosts`: actions and sessions name it only when several are watched. */
export function hostKey(state: Pick<MonitorState, 'hostOrder'>, host: string | undefined): string {
	return (state.hostOrder.length > 1 ? host : undefined) ?? state.hostOrder[0] ?? '';
}
