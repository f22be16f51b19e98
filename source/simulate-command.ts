// `sessiontop simulate`: the simulator as a standalone server, one line on stdout
// when it is ready, a clean stop on SIGINT/SIGTERM.

import process from 'node:process';
import {apiVersions, type ApiVersion} from './simulator/index.js';

export type SimulateFlags = {
	host?: string;
	port?: string;
	sessions?: string;
	seed?: string;
	churn?: string;
	apiVersion?: string;
	user?: string;
	password?: string;
};

function integer(name: string, text: string | undefined, fallback: number, min: number, max: number): number | string {
	if (text === undefined) {
		return fallback;
	}

	const value = Number(text);
	if (!/^\s*\d+(\.\d+)?\s*$/.test(text) || value < min || value > max) {
		return `--${name} "${text}" must be a number from ${min} to ${max}.`;
	}

	return value;
}

export async function runSimulate(flags: SimulateFlags): Promise<number> {
	// meow titled the process `sessiontop`: in ps and top, a simulator should not pass for a monitor.
	process.title = 'sessiontop simulate';
	const port = integer('port', flags.port, 8989, 0, 65_535);
	const sessions = integer('sessions', flags.sessions, 200, 0, 1_000_000);
	const seed = integer('seed', flags.seed, 1, 0, 2 ** 31);
	const churn = integer('churn', flags.churn, 0, 0, 100_000);
	for (const value of [port, sessions, seed, churn]) {
		if (typeof value === 'string') {
			process.stderr.write(`sessiontop simulate: ${value}\n`);
			return 2;
		}
	}

	const apiVersion = flags.apiVersion ?? '24.02';
	if (!(apiVersions as readonly string[]).includes(apiVersion)) {
		process.stderr.write(`sessiontop simulate: --api-version must be one of ${apiVersions.join(', ')}.\n`);
		return 2;
	}

	const {startSimulator} = await import('./simulator/index.js');
	let simulator;
	try {
		simulator = await startSimulator({
			host: flags.host ?? '127.0.0.1',
			port: port as number,
			sessions: sessions as number,
			seed: seed as number,
			churn: churn as number,
			apiVersion: apiVersion as ApiVersion,
			user: flags.user ?? 'admin',
			password: flags.password ?? 'mariadb',
		});
	} catch (error: unknown) {
		const code = (error as {code?: string}).code;
		const why = code === 'EADDRINUSE' ? 'the port is in use: pick another with --port' : String((error as Error).message);
		process.stderr.write(`sessiontop simulate: cannot listen on ${flags.host ?? '127.0.0.1'}:${String(port)}: ${why}.\n`);
		return 1;
	}

	process.stdout.write(
		`MaxScale ${simulator.apiVersion} REST API simulator with ${String(sessions)} sessions listening on ${simulator.url}\n`,
	);
	await new Promise<void>((resolve) => {
		const stop = () => {
			resolve();
		};

		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
	});
	await simulator.close();
	return 0;
}
