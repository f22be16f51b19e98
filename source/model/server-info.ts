// What `GET /v1/maxscale` told of a MaxScale, as the state keeps it (api/server-info.ts reads it):
// the version decides which calls it has (kill and restart from 22.08), the uptime ticks on.

export type ServerInfo = {
	version?: string;
	/** Seconds MaxScale had been up when we asked. */
	uptimeSeconds?: number;
	/** Epoch ms at which we asked, to keep the uptime ticking without asking again. */
	askedAt: number;
};

/**
 * MaxScale's uptime at `now` (epoch ms): what it said, ticking on since it was asked; undefined
 * when it said none. Never less than it said: the header's clock ticks once a second, and an
 * answer newer than its last tick read a second back (QA: `up 2s`, `up 1s`, `up 2s`).
 */
export function uptimeAt(server: ServerInfo | undefined, now: number): number | undefined {
	return server?.uptimeSeconds === undefined ? undefined : server.uptimeSeconds + (Math.max(0, now - server.askedAt) / 1000);
}
