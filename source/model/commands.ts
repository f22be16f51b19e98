// What a command means depends on the state: ↓ moves the cursor in the list
// and scrolls the pane when the pane has the focus. Resolved inside the reducer,
// so keys typed faster than frames render still act on the current state.

import type {Action, MonitorState} from './monitor-state.js';

export type Command =
	| 'down'
	| 'up'
	| 'page-down'
	| 'page-up'
	| 'home'
	| 'end'
	| 'open'
	| 'close'
	| 'focus'
	| 'quit';

export function actionFor(command: Command, state: MonitorState): Action | undefined {
	const inPane = state.pane.open && state.focus === 'pane';
	const page = Math.max(1, state.paneHeight - 1);
	switch (command) {
		case 'down': {
			return inPane ? {type: 'pane-scroll', delta: 1} : {type: 'move', delta: 1};
		}

		case 'up': {
			return inPane ? {type: 'pane-scroll', delta: -1} : {type: 'move', delta: -1};
		}

		case 'page-down': {
			return inPane ? {type: 'pane-scroll', delta: page} : {type: 'page', delta: 1};
		}

		case 'page-up': {
			return inPane ? {type: 'pane-scroll', delta: -page} : {type: 'page', delta: -1};
		}

		case 'home': {
			return inPane ? {type: 'pane-home'} : {type: 'home'};
		}

		case 'end': {
			return inPane ? {type: 'pane-end'} : {type: 'end'};
		}

		case 'open': {
			return inPane ? undefined : {type: 'open-pane'};
		}

		case 'close': {
			return state.pane.open ? {type: 'close-pane'} : undefined;
		}

		case 'focus': {
			return {type: 'toggle-focus'};
		}

		case 'quit': {
			return undefined; // Leaving is the UI's business, not the state's.
		}
	}
}
