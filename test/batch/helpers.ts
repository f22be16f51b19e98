// Run the built CLI (build/cli.js, made by `npm test`'s tsc) as a child process,
// against a simulator in this process, with a clean environment and an empty HOME
// (so nobody's own ~/.maxctrl.cnf or SESSIONTOP_* variables leak into a test).

import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync, rmSync} from 'node:fs';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {startSimulator, type Simulator, type SimulatorOptions} from '../../source/simulator/index.js';
import {tempFolderSync} from '../helpers/temp-folder.js';

export const cliPath = fileURLToPath(new URL('../../build/cli.js', import.meta.url));
export const skipWithoutBuild = existsSync(cliPath) ? false : `${cliPath} is missing: run \`npx tsc\` first`;

/** A fixed clock: the simulator's documents are then the same on every request. */
export const fixedNow = Date.UTC(2026, 10, 27, 12, 0, 0);

export async function simulator(options: SimulatorOptions = {}): Promise<Simulator> {
	return startSimulator({host: '127.0.0.1', port: 0, sessions: 6, seed: 42, now: () => fixedNow, ...options});
}

export function tempDir(t?: {after(fn: () => void): void}): string {
	const dir = tempFolderSync('sessiontop-test-');
	t?.after(() => {
		rmSync(dir, {recursive: true, force: true});
	});
	return dir;
}

/** process.env without anything that configures sessiontop or maxctrl. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value !== undefined && !/^(SESSIONTOP_|MAXCTRL_|NODE_OPTIONS$|NODE_DEBUG$|NO_COLOR$)/.test(key)) {
			env[key] = value;
		}
	}

	for (const [key, value] of Object.entries(extra)) {
		if (value === undefined) {
			delete env[key];
		} else {
			env[key] = value;
		}
	}

	return env;
}

export type Run = {code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string};

export type RunOptions = {
	env?: Record<string, string | undefined>;
	/** HOME for the child (default: a fresh empty folder). */
	home?: string;
	input?: string;
	nodeArgs?: string[];
	timeoutMs?: number;
};

export function startCli(args: string[], options: RunOptions = {}): {child: ChildProcess; done: Promise<Run>} {
	const home = options.home ?? tempFolderSync('sessiontop-home-');
	const child = spawn(process.execPath, [...(options.nodeArgs ?? []), cliPath, ...args], {
		env: cleanEnv({HOME: home, ...options.env}),
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
		stdout += chunk;
	});
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	if (options.input === undefined) {
		child.stdin!.end();
	} else {
		child.stdin!.end(options.input);
	}

	const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15_000);
	const done = new Promise<Run>((resolve) => {
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			if (options.home === undefined) {
				rmSync(home, {recursive: true, force: true});
			}

			resolve({code, signal, stdout, stderr});
		});
	});
	return {child, done};
}

export async function runCli(args: string[], options: RunOptions = {}): Promise<Run> {
	return startCli(args, options).done;
}

/** The one line a failure must leave on stderr: one line, no stack, no password. */
export function assertOneLine(stderr: string, password?: string): string {
	const lines = stderr.split('\n').filter((line) => line !== '');
	if (lines.length !== 1) {
		throw new Error(`expected one line on stderr, got ${lines.length}:\n${stderr}`);
	}

	if (/\n\s+at |Error:|node:internal/.test(stderr)) {
		throw new Error(`a stack trace on stderr:\n${stderr}`);
	}

	if (password !== undefined && stderr.includes(password)) {
		throw new Error(`the password is on stderr:\n${stderr}`);
	}

	return lines[0]!;
}
