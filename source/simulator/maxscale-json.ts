// GET /v1/maxscale. Shape from the REST API docs of each release (24.02: data.attributes with
// activated_at, commit, config_sync, parameters, process_datadir, started_at, system, uptime,
// version). Older releases report fewer members: config_sync arrived in 6, `system` is given from
// 22.08 here, and 2.2 had plain integers for timeouts. Only the members a monitor reads (version,
// uptime, started_at, parameters.threads) are exact; the parameter set is representative.

import type {Json} from './jansson.js';
import {Real} from './jansson.js';
import {httpDate} from './dates.js';
import type {VersionCaps} from './versions.js';

export type MaxscaleFacts = {
	base: string;
	caps: VersionCaps;
	startedAt: number;
	t: number;
	threads: number;
	adminHost: string;
	adminPort: number;
};

export function maxscaleDocument(x: MaxscaleFacts): Json {
	const {caps} = x;
	const self = x.base + 'maxscale/';
	const uptime = Math.max(0, Math.floor((x.t - x.startedAt) / 1000));
	const started = httpDate(x.startedAt);
	if (!caps.sortKeys) {
		// 2.2 keeps insertion order: links first, then data {attributes, id, type}.
		return {
			links: {self},
			data: {
				attributes: {
					parameters: {
						libdir: '/usr/lib64/maxscale',
						datadir: '/var/lib/maxscale',
						process_datadir: '/var/lib/maxscale/data2417',
						cachedir: '/var/cache/maxscale',
						configdir: '/etc',
						config_persistdir: '/var/lib/maxscale/maxscale.cnf.d',
						module_configdir: '/etc/maxscale.modules.d',
						piddir: '/var/run/maxscale',
						logdir: '/var/log/maxscale',
						langdir: '/var/lib/maxscale',
						execdir: '/usr/bin',
						connector_plugindir: '/usr/lib64/mysql/plugin',
						threads: x.threads,
						auth_connect_timeout: 3,
						auth_read_timeout: 1,
						auth_write_timeout: 2,
						skip_permission_checks: false,
						admin_auth: true,
						admin_enabled: true,
						admin_log_auth_failures: true,
						admin_host: x.adminHost,
						admin_port: x.adminPort,
						admin_ssl_key: '',
						admin_ssl_cert: '',
						admin_ssl_ca_cert: '',
						passive: false,
						query_classifier: 'qc_sqlite',
					},
					version: caps.release,
					commit: caps.commit,
					started_at: started,
					activated_at: started,
					uptime,
				},
				id: 'maxscale',
				type: 'maxscale',
			},
		};
	}

	const modern = caps.apiVersion !== '2.5';
	const ms = (n: number): Json => (modern ? `${n}ms` : n / 1000);
	const parameters: Record<string, Json> = {
		admin_auth: true,
		admin_enabled: true,
		admin_gui: true,
		admin_host: x.adminHost,
		admin_log_auth_failures: true,
		admin_port: x.adminPort,
		admin_secure_gui: true,
		admin_ssl_key: null,
		admin_ssl_cert: null,
		[caps.apiVersion === '24.02' ? 'admin_ssl_ca' : 'admin_ssl_ca_cert']: null,
		auth_connect_timeout: ms(10_000),
		auth_read_timeout: ms(10_000),
		auth_write_timeout: ms(10_000),
		cachedir: '/var/cache/maxscale',
		connector_plugindir: '/usr/lib64/maxscale/plugin',
		datadir: '/var/lib/maxscale',
		dump_last_statements: 'never',
		execdir: '/usr/bin',
		language: '/var/lib/maxscale',
		libdir: '/usr/lib64/maxscale',
		load_persisted_configs: true,
		local_address: null,
		log_debug: false,
		log_info: false,
		log_notice: true,
		log_throttling: {count: 10, suppress: 10_000, window: 1000},
		log_warning: true,
		logdir: '/var/log/maxscale',
		max_auth_errors_until_block: 10,
		maxlog: true,
		module_configdir: '/etc/maxscale.modules.d',
		ms_timestamp: false,
		passive: false,
		persistdir: '/var/lib/maxscale/maxscale.cnf.d',
		piddir: '/var/run/maxscale',
		query_classifier_cache_size: 1_073_741_824,
		query_retries: 1,
		query_retry_timeout: ms(5000),
		retain_last_statements: 0,
		session_trace: 20,
		skip_permission_checks: false,
		sql_mode: 'default',
		syslog: false,
		threads: x.threads,
		users_refresh_interval: ms(0),
		users_refresh_time: ms(30_000),
		writeq_high_water: 65_536,
		writeq_low_water: 1024,
	};
	if (modern) {
		parameters['rebalance_period'] = '0ms';
		parameters['rebalance_threshold'] = 20;
		parameters['rebalance_window'] = 10;
	}

	const attributes: Record<string, Json> = {
		activated_at: started,
		commit: caps.commit,
		parameters,
		process_datadir: '/var/lib/maxscale/data2417',
		started_at: started,
		uptime,
		version: caps.release,
	};
	if (modern) {
		attributes['config_sync'] = null;
	}

	if (caps.memory !== 'none') {
		attributes['system'] = {
			machine: {cores_available: 8, cores_physical: 8, cores_virtual: new Real(8), memory_available: 33_358_356_480, memory_physical: 33_358_356_480},
			maxscale: {query_classifier_cache_size: 1_073_741_824, threads: x.threads},
			os: {machine: 'x86_64', nodename: 'maxscale-1', release: '5.15.0-86-generic', sysname: 'Linux', version: '#96-Ubuntu SMP Wed Sep 20 08:23:49 UTC 2023'},
		};
	}

	return {data: {attributes, id: 'maxscale', type: 'maxscale'}, links: {self}};
}
