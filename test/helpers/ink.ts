// Driving an Ink screen the way a user does: real key sequences, then wait for the frame.

export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	enter: '\r',
	tab: '\t',
	escape: '\u001B',
	ctrlC: '\u0003',
} as const;

export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
	const started = Date.now();
	while (!check()) {
		if (Date.now() - started > timeoutMs) {
			throw new Error(`timed out waiting for ${what}`);
		}

		// eslint-disable-next-line no-await-in-loop
		await new Promise((resolve) => {
			setTimeout(resolve, 10);
		});
	}
}

/** The frame without colours, for assertions on text. */
export function plain(frame: string | undefined): string {
	// eslint-disable-next-line no-control-regex
	return (frame ?? '').replace(/\u001B\[[\d;]*m/g, '');
}
