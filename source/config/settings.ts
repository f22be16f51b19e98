// Every setting sessiontop takes, and where each one is looked up: the flag, then
// the environment, then the config file ([maxctrl] or [sessiontop]), then the
// default. options.ts turns what is found here into one checked Config.

import type {ConfigFile} from './config-file.js';
import {otherBooleans, parseBoolean} from './values.js';

export type Env = Record<string, string | undefined>;

export type Flags = {
	config?: string;
	hosts?: string;
	user?: string;
	password?: string;
	secure?: boolean;
	timeout?: string;
	tlsKey?: string;
	tlsCert?: string;
	tlsPassphrase?: string;
	tlsCaCert?: string;
	tlsVerifyServerCert?: boolean;
	interval?: string;
	sort?: string;
	grouping?: string;
	columns?: string;
	readonly?: boolean;
	mouse?: boolean;
	maxBody?: string;
	serverTz?: string;
};

export type Source = 'flag' | 'env' | 'file' | 'default';

type Kind = 'string' | 'boolean';
type Spec = {flag: string; env: readonly string[]; file: readonly string[]; kind: Kind};

/**
 * Every setting: its flag, its environment variables (first wins) and its names in
 * the config file (maxctrl's option names and their short aliases, in `[maxctrl]`;
 * our own settings in `[sessiontop]`). maxctrl reads MAXCTRL_USER and MAXCTRL_PASSWORD.
 */
export const settings = {
	hosts: {flag: '--hosts', env: ['SESSIONTOP_HOSTS'], file: ['h', 'hosts'], kind: 'string'},
	user: {flag: '--user', env: ['SESSIONTOP_USER', 'MAXCTRL_USER'], file: ['u', 'user'], kind: 'string'},
	password: {flag: '--password', env: ['SESSIONTOP_PASSWORD', 'MAXCTRL_PASSWORD'], file: ['p', 'password'], kind: 'string'},
	timeout: {flag: '--timeout', env: ['SESSIONTOP_TIMEOUT'], file: ['t', 'timeout'], kind: 'string'},
	secure: {flag: '--secure', env: ['SESSIONTOP_SECURE'], file: ['s', 'secure'], kind: 'boolean'},
	tlsKey: {flag: '--tls-key', env: ['SESSIONTOP_TLS_KEY'], file: ['tls-key', 'tlsKey'], kind: 'string'},
	tlsCert: {flag: '--tls-cert', env: ['SESSIONTOP_TLS_CERT'], file: ['tls-cert', 'tlsCert'], kind: 'string'},
	tlsPassphrase: {
		flag: '--tls-passphrase',
		env: ['SESSIONTOP_TLS_PASSPHRASE'],
		file: ['tls-passphrase', 'tlsPassphrase'],
		kind: 'string',
	},
	tlsCaCert: {flag: '--tls-ca-cert', env: ['SESSIONTOP_TLS_CA_CERT'], file: ['tls-ca-cert', 'tlsCaCert'], kind: 'string'},
	tlsVerifyServerCert: {
		flag: '--tls-verify-server-cert',
		env: ['SESSIONTOP_TLS_VERIFY_SERVER_CERT'],
		file: ['n', 'tls-verify-server-cert', 'tlsVerifyServerCert'],
		kind: 'boolean',
	},
	interval: {flag: '--interval', env: [], file: ['interval'], kind: 'string'},
	sort: {flag: '--sort', env: [], file: ['sort'], kind: 'string'},
	grouping: {flag: '--grouping', env: [], file: ['grouping'], kind: 'string'},
	columns: {flag: '--columns', env: [], file: ['columns'], kind: 'string'},
	readonly: {flag: '--readonly', env: [], file: ['readonly'], kind: 'boolean'},
	mouse: {flag: '--mouse', env: [], file: ['mouse'], kind: 'boolean'},
	maxBody: {flag: '--max-body', env: ['SESSIONTOP_MAX_BODY'], file: ['max-body', 'maxBody'], kind: 'string'},
	serverTz: {flag: '--server-tz', env: ['SESSIONTOP_SERVER_TZ'], file: ['server-tz', 'serverTz'], kind: 'string'},
} as const satisfies Record<string, Spec>;

export type SettingName = keyof typeof settings;

/** Settings that live in `[sessiontop]`; all others are maxctrl's, in `[maxctrl]`. */
export const ownSettings = new Set<SettingName>(['interval', 'sort', 'grouping', 'columns', 'readonly', 'mouse', 'maxBody', 'serverTz']);

export type Found = {value: string | boolean; source: Source; where: string};
type Lookup = Found | undefined | {error: string};

function fromFile(name: SettingName, spec: Spec, file: ConfigFile | undefined): Lookup {
	if (file === undefined) {
		return undefined;
	}

	const section = ownSettings.has(name) ? file.sessiontop : file.maxctrl;
	const sectionName = ownSettings.has(name) ? '[sessiontop]' : '[maxctrl]';
	let found: Lookup;
	// A file read from disk holds each setting once (file-values.ts refuses a repeat, which
	// ini and maxctrl would keep the last of); of two names in a file made in code, the last.
	for (const [key, raw] of Object.entries(section)) {
		if (!spec.file.includes(key)) {
			continue;
		}

		const where = `${key} in ${sectionName} of ${file.path}`;
		if (Array.isArray(raw)) {
			// ini reads `hosts[] = a` (and a key repeated with []) as a list, the [] dropped from the key.
			const example = name === 'hosts' ? `${key} = mx1:8989,mx2:8989 (the hosts comma-separated)` : `${key} = value, once`;
			found = {error: `${key}[] in ${sectionName} of ${file.path} is a list, but a key there takes one value: write ${example}.`};
		} else if (spec.kind === 'boolean') {
			const value = typeof raw === 'boolean' ? raw : typeof raw === 'string' ? parseBoolean(raw) : undefined;
			found =
				value === undefined
					? {error: `${where} ("${String(raw)}") is not true or false: write ${key} = true or false (${otherBooleans}).`}
					: {value, source: 'file', where};
		} else if (typeof raw === 'string' || typeof raw === 'number') {
			found = {value: String(raw), source: 'file', where};
		} else {
			found = {error: `${where} has no value: write it as ${key} = value.`};
		}
	}

	return found;
}

export function lookup(name: SettingName, flags: Flags, env: Env, file: ConfigFile | undefined): Lookup {
	const spec: Spec = settings[name];
	const flag = flags[name];
	if (flag !== undefined) {
		return {value: flag, source: 'flag', where: spec.flag};
	}

	for (const variable of spec.env) {
		const text = env[variable];
		if (text === undefined || text === '') {
			continue;
		}

		if (spec.kind === 'boolean') {
			const value = parseBoolean(text);
			return value === undefined
				? {error: `${variable} ("${text}") is not true or false: set it to true or false (${otherBooleans}).`}
				: {value, source: 'env', where: variable};
		}

		return {value: text, source: 'env', where: variable};
	}

	return fromFile(name, spec, file);
}

export function describe(found: Found, text: string): string {
	return found.source === 'flag' ? `${found.where} "${text}"` : `${found.where} ("${text}")`;
}
