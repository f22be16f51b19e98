// Flags, environment and the config file to one checked Config. For every setting
// the first of these that has it wins: flag > environment > config file > default.
// Every mistake becomes one sentence that says where the value came from and what
// to type instead; nothing here touches the network.

import type {Target} from '../api/client.js';
import type {Grouping} from '../model/groups.js';
import {choosableColumns, parseColumns} from '../model/column-choice.js';
import type {Sort, SortKey} from '../model/sort.js';
import {defaultConfigPath, expandHome, readConfigFile, type ConfigFile} from './config-file.js';
import {maxctrlKeyWarnings, sessiontopKeyError} from './file-keys.js';
import {meant} from './near-miss.js';
import {readHosts} from './hosts.js';
import {defaultHost, usesHttps} from './target.js';
import {intervalBounds, readDuration, timeoutBounds} from './duration.js';
import {describe, lookup, settings, type Env, type Flags, type Found, type SettingName, type Source} from './settings.js';
import {groupingNames, maxSizeBytes, parseTimeZone, readSize, readSort} from './values.js';
import {noSettings} from './unused-settings.js';

export {unusedSettings} from './unused-settings.js';

export {parseBoolean, parseSize, parseSort, parseTimeZone} from './values.js';
export type {Env, Flags, Source, SettingName} from './settings.js';

export const configEnv = 'SESSIONTOP_CONFIG';

export type Config = {
	targets: Target[];
	/** The -h entries as typed (maxctrl names hosts that way in its output). */
	hostEntries: string[];
	user: string;
	/** '' means: ask for it, on the terminal or from stdin (maxctrl's `-p ''`). */
	password: string;
	intervalMs: number;
	timeoutMs: number;
	tlsVerify: boolean;
	/** Paths of the PEM files, read by `readTlsFiles` when a host uses https. */
	tlsKey?: string;
	tlsCert?: string;
	tlsCaCert?: string;
	tlsPassphrase?: string;
	grouping?: Grouping;
	sort?: Sort;
	/** The list's columns, chosen and ordered (--columns: model/column-choice.ts); undefined, all. */
	columns?: SortKey[];
	readonly: boolean;
	/** Clicks and the wheel for the monitor (--no-mouse: the terminal keeps them, for selecting text). */
	mouse: boolean;
	/** The largest answer accepted from a MaxScale (--max-body). */
	maxBodyBytes: number;
	/**
	 * The zone MaxScale's zone-less connection times (before 23.02, asctime) are in
	 * (--server-tz): undefined for the operator's own zone (`local`, the default);
	 * else 'UTC', a fixed offset '+02:00' / '-05:30', or an IANA name as Intl spells
	 * it ('Europe/Helsinki'). Times that carry a zone (23.02 on, RFC 1123) ignore it.
	 */
	serverTimeZone?: string;
	/** Where each setting came from. */
	sources: Record<SettingName, Source>;
	/**
	 * Where each setting that was given was found, as a sentence names it: `--timeout`,
	 * `SESSIONTOP_TIMEOUT`, `t in [maxctrl] of /home/u/.maxctrl.cnf`.
	 */
	where: Partial<Record<SettingName, string>>;
	/** The config file that was read, if any. */
	configFile?: string;
	/** Things to say on stderr before starting (e.g. a config file others can read). */
	warnings: string[];
};

/** `unused`: settings the run does not use, whose config-file values are left unread (unusedSettings). */
export type Sources = {env?: Env; file?: ConfigFile; unused?: ReadonlySet<SettingName>};

/** Merge flags, environment and an already-read config file; no I/O. */
export function buildConfig(flags: Flags, {env = {}, file, unused = noSettings}: Sources = {}): Config | {error: string} {
	const found = {} as Record<SettingName, Found | undefined>;
	for (const name of Object.keys(settings) as SettingName[]) {
		const result = lookup(name, flags, env, file);
		if (unused.has(name) && result !== undefined && ('error' in result || result.source === 'file')) {
			continue;
		}

		if (result !== undefined && 'error' in result) {
			return result;
		}

		found[name] = result;
	}

	const sources = Object.fromEntries(
		(Object.keys(settings) as SettingName[]).map((name) => [name, found[name]?.source ?? 'default']),
	) as Record<SettingName, Source>;
	const where = Object.fromEntries(
		(Object.keys(settings) as SettingName[]).flatMap((name) => (found[name] === undefined ? [] : [[name, found[name].where]])),
	) as Partial<Record<SettingName, string>>;
	const text = (name: SettingName): string | undefined => {
		const value = found[name]?.value;
		return typeof value === 'string' ? value : undefined;
	};

	const bool = (name: SettingName): boolean | undefined => {
		const value = found[name]?.value;
		return typeof value === 'boolean' ? value : undefined;
	};

	const secure = bool('secure') ?? false;
	const hosts = readHosts(text('hosts') ?? defaultHost, secure, found.hosts);
	if ('error' in hosts) {
		return hosts;
	}

	const {targets, hostEntries, warnings} = hosts;

	const intervalMs = readDuration(found.interval, text('interval') ?? '2s', 's', intervalBounds, 'e.g. 2s, 500ms');
	if (typeof intervalMs === 'string') {
		return {error: intervalMs};
	}

	const timeoutMs = readDuration(found.timeout, text('timeout') ?? '10000', 'ms', timeoutBounds, 'e.g. 10000, 10s, 500ms');
	if (typeof timeoutMs === 'string') {
		return {error: timeoutMs};
	}

	let sort: Sort | undefined;
	const sortText = text('sort');
	if (sortText !== undefined) {
		const read = readSort(sortText, describe(found.sort!, sortText));
		if ('error' in read) {
			return read;
		}

		sort = read;
	}

	let grouping: Grouping | undefined;
	const groupingText = text('grouping');
	if (groupingText !== undefined) {
		grouping = groupingNames[groupingText.trim().toLowerCase()];
		if (grouping === undefined) {
			return {error: `${describe(found.grouping!, groupingText)} is not a grouping: use service-state, service, user, client, maxscale or flat.`};
		}
	}

	let columns: SortKey[] | undefined;
	const columnsText = text('columns');
	if (columnsText !== undefined) {
		const parsed = parseColumns(columnsText);
		if (!Array.isArray(parsed)) {
			// A near miss named as git does (`idel`: idle), the way a config file's typo is.
			const guess = 'empty' in parsed ? undefined : meant(parsed.unknown[0]!, choosableColumns);
			const what = 'empty' in parsed ? 'names no column' : `has ${parsed.unknown.map((name) => `"${name}"`).join(', ')}, not ${parsed.unknown.length === 1 ? 'a column' : 'columns'}${guess === undefined ? '' : ` (${guess}?)`}`;
			return {error: `${describe(found.columns!, columnsText)} ${what}: use some of ${choosableColumns.join(', ')}, in the order wanted (Id always comes first), e.g. "user,state,idle,memory".`};
		}

		columns = parsed;
	}

	const user = text('user') ?? 'admin';
	if (user.trim() === '') {
		// `-u` with nothing after it, or `user =` in the file: MaxScale has no such user.
		return {error: `${describe(found.user!, user)} is not a user name: give one, e.g. -u admin.`};
	}

	const maxBodyText = text('maxBody') ?? '256M';
	const maxBodyBytes = readSize(maxBodyText);
	if (typeof maxBodyBytes !== 'number') {
		const why = {
			'not-a-size': 'is not a size (units K, M and G; a number alone is bytes)',
			'too-small': 'is under 1K (a number alone is bytes)',
			'too-large': `is over the ${Math.floor(maxSizeBytes / 1024 ** 3)}G an answer can be here`,
		}[maxBodyBytes];
		return {error: `${describe(found.maxBody!, maxBodyText)} ${why}: use e.g. 512M or 1G.`};
	}

	let serverTimeZone: string | undefined;
	const serverTzText = text('serverTz');
	if (serverTzText !== undefined) {
		const zone = parseTimeZone(serverTzText);
		if (zone === undefined) {
			return {
				error: `${describe(found.serverTz!, serverTzText)} is not a time zone: use local, UTC, an offset such as +02:00, or a zone name such as Europe/Helsinki.`,
			};
		}

		serverTimeZone = zone === 'local' ? undefined : zone;
	}

	// A TLS file given on the command line or in the environment with no https host: the
	// operator most likely forgot -s, and would otherwise learn nothing (the config file's are
	// maxctrl's settings for every host, often https ones elsewhere: not worth a word).
	if (!usesHttps(targets)) {
		const unused = (['tlsCaCert', 'tlsCert', 'tlsKey'] as const).filter((name) => found[name] !== undefined && found[name].source !== 'file');
		if (unused.length > 0) {
			const named = unused.map((name) => found[name]!.where).join(', ');
			warnings.push(`${named} ${unused.length === 1 ? 'is' : 'are'} not used: no MaxScale is reached over https. Add -s, or write https:// before the host.`);
		}
	}

	// A passphrase with no key to unlock, typed for this run: said, as an unused file is (QA).
	if (found.tlsPassphrase !== undefined && found.tlsPassphrase.source !== 'file' && found.tlsKey === undefined) {
		warnings.push(`${found.tlsPassphrase.where} is not used: it unlocks the private key of --tls-key, and none was given.`);
	}

	if (file !== undefined) {
		const misplaced = sessiontopKeyError(file);
		if (misplaced !== undefined) {
			return {error: misplaced};
		}

		warnings.push(...maxctrlKeyWarnings(file));
	}

	return {
		// Each MaxScale's reader learns its zone from its target (read-sessions.ts originOf).
		targets: serverTimeZone === undefined ? targets : targets.map((target) => ({...target, serverZone: serverTimeZone})),
		hostEntries,
		user,
		password: text('password') ?? 'mariadb',
		intervalMs,
		timeoutMs,
		tlsVerify: bool('tlsVerifyServerCert') ?? true,
		tlsKey: text('tlsKey'),
		tlsCert: text('tlsCert'),
		tlsCaCert: text('tlsCaCert'),
		tlsPassphrase: text('tlsPassphrase'),
		grouping,
		sort,
		...(columns === undefined ? {} : {columns}),
		readonly: bool('readonly') ?? false,
		mouse: bool('mouse') ?? true,
		maxBodyBytes,
		...(serverTimeZone === undefined ? {} : {serverTimeZone}),
		sources,
		where,
		configFile: file?.path,
		warnings,
	};
}

/**
 * Find and read the config file (-c, else SESSIONTOP_CONFIG, else ~/.maxctrl.cnf),
 * then merge. A missing default file is fine; a named one must exist and parse.
 */
export function loadConfig(flags: Flags, env: Env, home: string, unused: ReadonlySet<SettingName> = noSettings): Config | {error: string} {
	const named = flags.config ?? (env[configEnv] === '' ? undefined : env[configEnv]);
	const namedBy = flags.config === undefined ? configEnv : '-c';
	if (named !== undefined && named.trim() === '') {
		return {error: `${namedBy} names no file: give a path, e.g. ${namedBy === '-c' ? '-c ' : `${configEnv}=`}~/.maxctrl.cnf.`};
	}

	const file = named === undefined ? defaultConfigPath(home) : expandHome(named, home);
	const read = readConfigFile(file, named === undefined ? undefined : namedBy);
	if (!read.ok) {
		return {error: read.error};
	}

	const config = buildConfig(flags, {env, file: read.file, unused});
	if ('error' in config) {
		return config;
	}

	config.warnings.push(...read.warnings);
	return config;
}

/** The settings --demo puts aside: it watches its own simulator, on its own address and credentials. */
const demoOwns: readonly SettingName[] = ['hosts', 'user', 'password', 'secure', 'tlsCaCert', 'tlsCert', 'tlsKey', 'tlsPassphrase', 'tlsVerifyServerCert'];

/**
 * The warning for --demo with connection flags (`--demo -h mx1`), which it ignores:
 * without it the operator might think mx1 is on screen. Only flags count: the
 * environment and ~/.maxctrl.cnf are there for every run, demos included.
 */
export function demoWarning(config: Config): string | undefined {
	const ignored = demoOwns.filter((name) => config.sources[name] === 'flag').map((name) => settings[name].flag);
	if (ignored.length === 0) {
		return undefined;
	}

	const names = ignored.length === 1 ? ignored[0]! : `${ignored.slice(0, -1).join(', ')} and ${ignored.at(-1)!}`;
	return `--demo watches its own simulated MaxScale, so ${names} ${ignored.length === 1 ? 'is' : 'are'} ignored: leave out --demo to watch yours.`;
}

/** What the monitor's model takes (source/model/monitor-state.ts `Options`). */
export function monitorOptions(config: Config): {intervalMs: number; readonly: boolean; grouping?: Grouping; sort?: Sort; columns?: SortKey[]} {
	return {
		intervalMs: config.intervalMs,
		readonly: config.readonly,
		...(config.columns === undefined ? {} : {columns: config.columns}),
		...(config.grouping === undefined ? {} : {grouping: config.grouping}),
		...(config.sort === undefined ? {} : {sort: config.sort}),
	};
}
