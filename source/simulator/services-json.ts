// GET /v1/services: one resource per catalog service, with live connection counts taken from the
// population so that they always agree with /v1/sessions. Shape per version as in the service
// resource docs (2.2: insertion order, {connections, total_connections, router_diagnostics, ...}
// in attributes; 2.5+: sorted, plus `statistics`; 6+: `source`; 22.08+: statistics.failed_auths).
// Representative, not exhaustive: the parameter sets are trimmed.

import {services} from './catalog.js';
import {asctime, httpDate} from './dates.js';
import type {Json} from './jansson.js';
import type {VersionCaps} from './versions.js';

export type ServiceFacts = {
	base: string;
	caps: VersionCaps;
	startedAt: number;
	current: readonly number[];
	total: readonly number[];
};

function relationship(x: ServiceFacts, owner: string, kind: string, ids: readonly string[]): Json {
	const data = ids.map(id => ({id, type: kind}));
	if (!x.caps.relatedLinks) {
		return {links: {self: x.base + kind + '/'}, data};
	}

	return {data, links: {related: x.base + kind + '/', self: x.base + 'services/' + owner + '/relationships/' + kind + (x.caps.trailingSlash ? '/' : '')}};
}

export function servicesDocument(x: ServiceFacts): Json {
	const {caps} = x;
	const slash = caps.trailingSlash ? '/' : '';
	const data = services.map((svc, i) => {
		const current = x.current[i] ?? 0;
		const total = x.total[i] ?? 0;
		const queries = total * 37;
		const diagnostics: Record<string, Json> = svc.router === 'readwritesplit'
			? {queries, route_master: Math.floor(queries * 0.3), route_slave: Math.floor(queries * 0.66), route_all: Math.floor(queries * 0.04), rw_transactions: Math.floor(total * 2.1), ro_transactions: 0, replayed_transactions: 0}
			: {queries};
		const parameters: Record<string, Json> = {router: svc.router, user: 'maxscale', password: '*****', enable_root_user: false, max_connections: 0, retain_last_statements: svc.retainStatements};
		const relationships: Record<string, Json> = {servers: relationship(x, svc.name, 'servers', svc.backends)};
		if (svc.filters.length > 0) {
			relationships['filters'] = relationship(x, svc.name, 'filters', svc.filters);
		}

		const links = {self: x.base + 'services/' + svc.name + slash};
		if (!caps.sortKeys) {
			return {
				id: svc.name,
				type: 'services',
				attributes: {router: svc.router, state: 'Started', router_diagnostics: diagnostics, started: asctime(x.startedAt), total_connections: total, connections: current, parameters},
				relationships,
				links,
			};
		}

		const statistics: Record<string, Json> = {active_operations: 0, connections: current, max_connections: Math.max(current, Math.floor(current * 1.4)), routed_packets: queries * 2, total_connections: total};
		if (caps.memory !== 'none') {
			statistics['failed_auths'] = Math.floor(total / 5000);
		}

		const attributes: Record<string, Json> = {connections: current, parameters, router: svc.router, router_diagnostics: diagnostics, started: httpDate(x.startedAt), state: 'Started', statistics, total_connections: total};
		if (caps.parameters) {
			attributes['source'] = {file: '/etc/maxscale.cnf', type: 'static'};
		}

		return {attributes, id: svc.name, links, relationships, type: 'services'};
	});
	const self = x.base + 'services/';
	return caps.sortKeys ? {data, links: {self}} : {links: {self}, data};
}
