// Command-line flags to one checked Config. Every mistake becomes one sentence that
// says what to type instead; nothing here touches the network.

import type {Target} from '../api/client.js';
import {parseDuration} from './duration.js';
import {defaultHost, parseTarget} from './target.js';

export type Config = {
	targets: Target[];
	user: string;
	password: string;
	intervalMs: number;
	timeoutMs: number;
	tlsVerify: boolean;
};

export type Flags = {
	hosts?: string;
	user?: string;
	password?: string;
	secure?: boolean;
	interval?: string;
	timeout?: string;
	tlsVerifyServerCert?: boolean;
};

export const intervalBounds = {minMs: 500, maxMs: 60_000};

export function buildConfig(flags: Flags): Config | {error: string} {
	const secure = flags.secure ?? false;
	const targets: Target[] = [];
	for (const entry of (flags.hosts ?? defaultHost).split(',')) {
		const target = parseTarget(entry, secure);
		if (typeof target === 'string') {
			return {error: target};
		}

		targets.push(target);
	}

	const intervalMs = parseDuration(flags.interval ?? '2s', 's');
	if (intervalMs === undefined || intervalMs < intervalBounds.minMs || intervalMs > intervalBounds.maxMs) {
		return {error: `--interval "${flags.interval}" is not a duration from 0.5s to 60s (e.g. 2s, 500ms).`};
	}

	const timeoutMs = parseDuration(flags.timeout ?? '10000', 'ms');
	if (timeoutMs === undefined || timeoutMs < 1) {
		return {error: `--timeout "${flags.timeout}" is not a duration (e.g. 10000, 10s, 500ms).`};
	}

	return {
		targets,
		user: flags.user ?? 'admin',
		password: flags.password ?? 'mariadb',
		intervalMs,
		timeoutMs,
		tlsVerify: flags.tlsVerifyServerCert ?? true,
	};
}
