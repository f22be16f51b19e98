// The monitor's screen as the App draws it at a size, from a state and without a MaxScale:
// its layout, and the resize it sends for it (app.tsx). For screen tests that drive the
// reducer with real key bytes through Ink's stdin.

import {useEffect, useReducer, useRef} from 'react';
import {reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {idWidthOf, layoutFor} from '../../source/ui/layout.js';
import {Screen} from '../../source/ui/screen.js';
import {themeFor} from '../../source/ui/theme.js';
import {mouseHit} from '../../source/ui/mouse-hit.js';
import {useKeys, type MouseHit} from '../../source/ui/use-keys.js';

export const screenTheme = themeFor({NO_COLOR: '1'});
export type Size = {columns: number; rows: number};

export function Monitor({initial, size}: {initial: MonitorState; size: Size}) {
	const [state, dispatch] = useReducer(reducer, initial);
	const layout = layoutFor(state, size, idWidthOf(state));
	// Mouse reports land where this layout drew, as in the App.
	const hit = useRef<MouseHit>(() => undefined);
	hit.current = (report) => mouseHit(report, layout, state);
	useKeys(dispatch, undefined, hit);
	const {listHeight, paneBodyHeight, paneWidth} = layout;
	useEffect(() => {
		dispatch({type: 'resize', listHeight, paneHeight: paneBodyHeight, paneWidth: Math.max(8, paneWidth - 2)});
	}, [dispatch, listHeight, paneBodyHeight, paneWidth]);
	return <Screen state={state} layout={layout} theme={screenTheme} hostLabel="127.0.0.1:8989" />;
}
