// Where batch output goes, and how a text is written: the caller waits until the stream
// has taken all of it (the write's callback), not just until it is queued. So --watch
// --json never polls while its last line is still unwritten: a reader that falls behind
// (`| (sleep 45; cat)`) holds the watch at one line in memory, not one more per poll
// (30 MB each at 100,000 sessions); and a failed write (ENOSPC on a full disk) is known
// before the exit status is chosen.

export type Out = {
	write(text: string, callback?: (error?: Error | null) => void): unknown;
	on?(event: 'error', listener: (error: Error & {code?: string}) => void): unknown;
	off?(event: 'error', listener: (error: Error & {code?: string}) => void): unknown;
};

/** Resolves once `out` has written `text` or failed to (its 'error' says which), or once `stop` aborts. */
export async function print(out: Out, text: string, stop?: AbortSignal): Promise<void> {
	if (stop?.aborted) {
		return;
	}

	await new Promise<void>((resolve) => {
		const done = () => {
			stop?.removeEventListener('abort', done);
			resolve();
		};

		stop?.addEventListener('abort', done, {once: true});
		out.write(text, done);
		// A stream without events (a test's plain object) has no callback to wait for.
		if (out.on === undefined) {
			done();
		}
	});
}
