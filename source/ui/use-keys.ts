// Every key press goes to the reducer as a {type: 'key'}: the reducer knows the
// mode (list, filter, confirmation, help) at the moment the key arrives.

import {useStdin} from 'ink';
import {useEffect} from 'react';
import type {Action} from '../model/monitor-state.js';
import {nameKey} from './key-names.js';

export function useKeys(dispatch: (action: Action) => void): void {
	const {internal_eventEmitter: events, setRawMode, isRawModeSupported} = useStdin();
	useEffect(() => {
		if (isRawModeSupported) {
			setRawMode(true);
		}

		const onInput = (data: string) => {
			const {input, name} = nameKey(data);
			if (name === undefined && input.length > 1) {
				// Keys typed faster than we read them (or over a slow SSH link) arrive
				// together: one key each, so "/app" opens the filter and types "app".
				for (const char of input) {
					const key = nameKey(char);
					dispatch({type: 'key', input: key.input, name: key.name});
				}

				return;
			}

			dispatch({type: 'key', input, name});
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
