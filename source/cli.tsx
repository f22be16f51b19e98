#!/usr/bin/env node
import process from 'node:process';
import meow from 'meow';
import {Client} from './api/client.js';
import {buildConfig} from './config/options.js';
import {runSimulate} from './simulate-command.js';

export const helpText = `
  Usage
    $ sessiontop [options]            watch the sessions of a MaxScale
    $ sessiontop --demo               watch a built-in simulated MaxScale
    $ sessiontop simulate [options]   serve a simulated MaxScale REST API

  Options
    -h, --hosts      MaxScale to watch, host:port or an http(s):// URL  [127.0.0.1:8989]
    -u, --user       REST API user                                      [admin]
    -p, --password   REST API password                                  [mariadb]
    -s, --secure     use https for host:port entries
    -t, --timeout    request timeout: 10000, 10s, 500ms                 [10000]
    -n, --tls-verify-server-cert  verify the server's certificate; -n false to skip  [true]
    --interval       time between polls: 2s, 500ms, 1m                  [2s]
    --demo           start a simulated MaxScale in-process and watch it
    --help           show this help
    --version        show the version

  Simulate options
    --host           address to listen on                               [127.0.0.1]
    --port           port to listen on (0: any free port)               [8989]
    --sessions       sessions at start                                  [200]
    --seed           seed of the population: same seed, same sessions   [1]
    --churn          sessions opened and closed per second (0: frozen)  [0]
    --api-version    24.02, 23.02, 22.08, 6.4, 2.5 or 2.2               [24.02]
    --user, --password  credentials the simulator accepts               [admin, mariadb]

  Examples
    $ sessiontop --demo
    $ sessiontop -h maxscale1:8989 -u monitor -p secret --interval 1s
    $ sessiontop simulate --port 18989 --sessions 1000 --churn 20
`;

const cli = meow(helpText, {
	importMeta: import.meta,
	allowUnknownFlags: false,
	flags: {
		hosts: {type: 'string', shortFlag: 'h'},
		user: {type: 'string', shortFlag: 'u'},
		password: {type: 'string', shortFlag: 'p'},
		secure: {type: 'boolean', shortFlag: 's'},
		timeout: {type: 'string', shortFlag: 't'},
		tlsVerifyServerCert: {type: 'boolean', shortFlag: 'n'},
		interval: {type: 'string'},
		demo: {type: 'boolean'},
		host: {type: 'string'},
		port: {type: 'string'},
		sessions: {type: 'string'},
		seed: {type: 'string'},
		churn: {type: 'string'},
		apiVersion: {type: 'string'},
	},
});

function fail(message: string): never {
	process.stderr.write(`sessiontop: ${message}\n`);
	process.exit(2);
}

async function main(): Promise<number> {
	const [command, ...rest] = cli.input;
	if (command === 'simulate') {
		return runSimulate(cli.flags);
	}

	if (command !== undefined || rest.length > 0) {
		fail(`unknown command "${command}": run sessiontop --help.`);
	}

	if (!process.stdout.isTTY || !process.stdin.isTTY) {
		fail('the monitor needs a terminal (stdin and stdout must be a TTY).');
	}

	const config = buildConfig(cli.flags);
	if ('error' in config) {
		fail(config.error);
	}

	const {runMonitor} = await import('./ui/run-monitor.js');
	if (cli.flags.demo) {
		const {startDemo} = await import('./demo.js');
		const demo = await startDemo();
		const client = new Client({target: demo.target, user: demo.user, password: demo.password, timeoutMs: config.timeoutMs});
		return runMonitor({client, intervalMs: config.intervalMs, notice: demo.notice, onExit: demo.close});
	}

	const [target, ...others] = config.targets;
	if (target === undefined) {
		fail('no host to watch: pass -h host:port.');
	}

	const client = new Client({
		target,
		user: config.user,
		password: config.password,
		timeoutMs: config.timeoutMs,
		tls: target.origin.startsWith('https:') ? {rejectUnauthorized: config.tlsVerify} : undefined,
	});
	const notice =
		others.length > 0 ? `Watching ${target.label} only: several hosts at once are not supported yet.` : undefined;
	return runMonitor({client, intervalMs: config.intervalMs, notice});
}

process.exitCode = await main();
