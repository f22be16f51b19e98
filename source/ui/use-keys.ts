// Every read from the terminal goes to the reducer as one {type: 'keys'}: the reducer knows
// the mode (list, filter, confirmation, help) at the moment each key in it arrives.

import {useStdin, useStdout} from 'ink';
import {useEffect, useRef} from 'react';
import type {Action} from '../model/monitor-state.js';
import {onRetake, redrawScreen, suspend} from './full-screen.js';
import {keyReader, type KeyPress, type KeyReader, type MouseReport} from './key-names.js';

/** Ctrl-Z where no shell could bring sessiontop back (ui/job-control.ts). */
export const noShell = 'Ctrl-Z: no shell to go back to here (no job control); q quits.';

/** One object for every call without one: a new default each render ran the effect again each render. */
const alwaysFits = {current: true} as const;

/** Where a mouse report falls on the screen as drawn now, as an action (ui/mouse-hit.ts), or undefined. */
export type MouseHit = (report: MouseReport) => Action | undefined;

/**
 * The keys of a read as the reducer takes them: a run of keys one action, each mouse report
 * its own (where it falls is the screen's), in the order they came.
 */
function actionsOf(keys: readonly KeyPress[], fits: boolean, hit: MouseHit | undefined): Action[] {
	const actions: Action[] = [];
	let run: KeyPress[] = [];
	const flush = () => {
		if (run.length > 0) {
			actions.push(fits ? {type: 'keys', keys: run} : {type: 'keys', keys: run, tooSmall: true});
			run = [];
		}
	};

	for (const key of keys) {
		if (key.mouse === undefined) {
			run.push(key);
			continue;
		}

		// Too small, the screen is one line: nothing to point at.
		const action = fits ? hit?.(key.mouse) : undefined;
		if (action !== undefined) {
			flush();
			actions.push(action);
		}
	}

	flush();
	return actions;
}

/**
 * `fits`: whether the terminal holds the screen (app.tsx); when not, the reducer takes only q
 * and Ctrl-C. `hit`: what a mouse report does where it falls (full-screen.ts turns them on).
 */
export function useKeys(dispatch: (action: Action) => void, fits: {readonly current: boolean} = alwaysFits, hit?: {readonly current: MouseHit}): void {
	const {internal_eventEmitter: events, setRawMode, isRawModeSupported} = useStdin();
	const {write} = useStdout();
	// Kept across reads, and across the effect's runs: Ink hands a bracketed paste, or a mouse
	// report cut by a slow link, over in pieces, and a reader made anew between two pieces
	// lost the first and read the rest as keys (`3M`: a sort by memory; review, under load).
	const reader = useRef<KeyReader | undefined>(undefined);
	useEffect(() => {
		if (isRawModeSupported) {
			setRawMode(true);
		}

		reader.current ??= keyReader();
		const read = reader.current;
		const onInput = (data: string) => {
			// Keys typed faster than we read them arrive together, in order: "/app" opens the
			// filter and types "app", Tab then j scrolls the pane; a paste is one press.
			const keys = read(data);
			const stop = keys.findIndex((key) => key.name === 'ctrl+z');
			const before = (stop === -1 ? keys : keys.slice(0, stop)).filter((key) => key.name !== 'ctrl+l');
			for (const action of actionsOf(before, fits.current, hit?.current)) {
				dispatch(action);
			}

			// The terminal's, not the state's: the frame is drawn again whole, the state unchanged.
			if (keys.some((key, i) => key.name === 'ctrl+l' && (stop === -1 || i < stop))) {
				redrawScreen();
			}

			if (stop !== -1) {
				// What came after Ctrl-Z in the same read was typed for the shell: dropped.
				if (suspend() === 'no-shell') {
					dispatch({type: 'message', message: {tone: 'info', text: noShell}});
				}
			}
		};

		// Taken back after Ctrl-Z, or Ctrl-L: Ink writes through this the whole frame it last drew.
		const stopRedraw = onRetake(() => {
			write('');
		});
		events.on('input', onInput);
		return () => {
			events.off('input', onInput);
			stopRedraw();
			if (isRawModeSupported) {
				setRawMode(false);
			}
		};
	}, [events, setRawMode, isRawModeSupported, dispatch, write, fits, hit]);
}
