// React keeps each component's props and hook state from its previous render in that
// component's alternate fiber (its double buffer) until the component renders again.
// After a poll that is the whole previous list: its sessions, rows and index by key,
// ~23 MB of heap at 100k sessions (a heap snapshot found 300k sessions alive while a
// poll landed, 200k without the alternates). The header's clock renders only the
// header, so nothing else would render again before the next poll.
// One more render of the same state, right after a new list is drawn, lets the old
// one go: both buffers then hold the current list. Nothing changes on screen (Ink
// writes only what changed), and it costs one render per poll (or per change of view that
// makes new rows: a sort, a filter keystroke), never one per cursor move.

import {useEffect, useReducer, useRef} from 'react';

/** Renders once more whenever one of `lists` is a new object, so that no component still holds the one before. */
export function useLetGo(...lists: readonly unknown[]): void {
	const [, renderAgain] = useReducer((count: number) => count + 1, 0);
	const drawn = useRef<readonly unknown[]>(lists);
	useEffect(() => {
		if (lists.some((list, i) => list !== drawn.current[i])) {
			drawn.current = lists;
			renderAgain();
		}
	});
}
