import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export type Size = {columns: number; rows: number};

/** The terminal's size, updated on every resize so the layout reflows. */
export function useTerminalSize(): Size {
	const {stdout} = useStdout();
	const read = (): Size => ({columns: stdout.columns || 80, rows: stdout.rows || 24});
	const [size, setSize] = useState(read);
	useEffect(() => {
		const onResize = () => {
			setSize(read());
		};

		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [stdout]);
	return size;
}
