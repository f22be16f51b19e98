// Every key press goes to the reducer as a {type: 'key'}: the reducer knows the
// mode (list, filter, confirmation, help) at the moment the key arrives.

import {useStdin} from 'ink';
import {useEffect} from 'react';
import type {Action} from '../model/monitor-state.js';
import {splitKeys} from './key-names.js';

export function useKeys(dispatch: (action: Action) => void): void {
	const {internal_eventEmitter: events, setRawMode, isRawModeSupported} = useStdin();
	useEffect(() => {
		if (isRawModeSupported) {
			setRawMode(true);
		}

		const onInput = (data: string) => {
			// Keys typed faster than we read them arrive together: one action each,
			// so "/app" opens the filter and types "app", and Tab then j scrolls the pane.
			for (const {input, name} of splitKeys(data)) {
				dispatch({type: 'key', input, name});
			}
		};

		events.on('input', onInput);
		return () => {
			events.off('input', onInput);
			if (isRawModeSupported) {
				setRawMode(false);
			}
		};
	}, [events, setRawMode, isRawModeSupported, dispatch]);
}
