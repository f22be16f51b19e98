import {Buffer} from 'node:buffer';
import type {BodySink, Client, Streamed} from '../../source/api/client.js';

/**
 * Client#stream for a test's stand-in Client that answers through send() alone (no
 * network): the body goes to the sink whole, as one chunk.
 */
export async function streamViaSend<T>(this: Client, path: string, what: string, open: () => BodySink<T>, signal?: AbortSignal): Promise<Streamed<T>> {
	const whole = await this.send('GET', path, what, signal);
	if (!whole.ok) {
		return whole;
	}

	const sink = open();
	sink.write(Buffer.from(whole.body));
	return {ok: true, status: whole.status, value: sink.end(), latencyMs: whole.latencyMs};
}
