// `--demo`: a simulated MaxScale in this process, on a free loopback port, with
// churn, so one command shows sessiontop at work. The monitor talks to it over
// real HTTP like to any MaxScale.

import type {Target} from './api/client.js';

export type Demo = {target: Target; user: string; password: string; notice: string; close(): Promise<void>};

export async function startDemo(): Promise<Demo> {
	const {startSimulator} = await import('./simulator/index.js');
	const simulator = await startSimulator({host: '127.0.0.1', port: 0, sessions: 300, seed: 7, churn: 4});
	const label = `127.0.0.1:${simulator.port}`;
	return {
		target: {origin: simulator.url, label},
		user: 'admin',
		password: 'mariadb',
		notice: `Demo: a simulated MaxScale ${simulator.apiVersion} on ${label} with 300 sessions and churn.`,
		close: async () => simulator.close(),
	};
}
