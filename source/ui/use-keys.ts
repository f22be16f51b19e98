// Keys to commands. The reducer resolves each command against the state it has
// at that moment, so fast typing never acts on a stale frame.

import {useInput} from 'ink';
import type {Action} from '../model/monitor-state.js';
import {commandFor, keyName} from './keymap.js';

export function useKeys(dispatch: (action: Action) => void, quit: () => void): void {
	useInput((input, key) => {
		const command = commandFor(keyName(input, key));
		if (command === 'quit') {
			quit();
		} else if (command !== undefined) {
			dispatch({type: 'command', command});
		}
	});
}
