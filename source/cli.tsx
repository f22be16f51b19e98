#!/usr/bin/env node
import process from 'node:process';
import meow from 'meow';
import {Client} from './api/client.js';
import {buildConfig} from './config/options.js';
import {helpText} from './help.js';

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
		readonly: {type: 'boolean'},
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
		// The simulator is loaded only for its own command and for --demo.
		const {runSimulate} = await import('./simulate-command.js');
		return runSimulate(cli.flags);
	}

	if (command !== undefined || rest.length > 0) {
		fail(`unknown command "${command}": run sessiontop --help.`);
	}

	const config = buildConfig(cli.flags);
	if ('error' in config) {
		fail(config.error);
	}

	if (!process.stdout.isTTY || !process.stdin.isTTY) {
		fail('the monitor needs a terminal (stdin and stdout must be a TTY).');
	}

	const {runMonitor} = await import('./ui/run-monitor.js');
	const monitorOptions = {intervalMs: config.intervalMs, readonly: cli.flags.readonly ?? false};
	if (cli.flags.demo) {
		const {startDemo} = await import('./demo.js');
		const demo = await startDemo();
		const client = new Client({target: demo.target, user: demo.user, password: demo.password, timeoutMs: config.timeoutMs});
		return runMonitor({client, options: monitorOptions, notice: demo.notice, onExit: demo.close});
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
	return runMonitor({client, options: monitorOptions, notice});
}

process.exitCode = await main();
