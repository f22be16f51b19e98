// An answer's body read up to a cap (--max-body), chunk by chunk, so that a runaway
// server cannot eat our memory; and a body dropped unread without crashing.

import {Buffer} from 'node:buffer';

export type Body = AsyncIterable<Buffer> & {destroy(): unknown; on?(event: 'error', listener: () => void): unknown};

/** Drop a body we will not read. Destroying it emits an abort error: with no listener, that would crash the process. */
export function discard(body: {destroy(): unknown; on?(event: 'error', listener: () => void): unknown}): void {
	body.on?.('error', () => undefined);
	body.destroy();
}

/** Feeds the body to the sink; false (and the rest dropped) once it passes `maxBytes`. */
export async function feedCapped(body: Body, sink: {write(chunk: Buffer): void}, maxBytes: number): Promise<boolean> {
	let size = 0;
	for await (const chunk of body) {
		size += chunk.length;
		if (size > maxBytes) {
			discard(body);
			return false;
		}

		sink.write(chunk);
	}

	return true;
}

/** The whole body as text, or undefined once it passes `maxBytes`. */
export async function readCapped(body: Body, maxBytes: number): Promise<string | undefined> {
	const chunks: Buffer[] = [];
	const whole = {
		write(chunk: Buffer) {
			chunks.push(chunk);
		},
	};
	return (await feedCapped(body, whole, maxBytes)) ? Buffer.concat(chunks).toString('utf8') : undefined;
}
