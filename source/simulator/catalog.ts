// The fixed cast the population is drawn from: services, backend servers, users, client hosts,
// connectors and SQL. Shaped after a typical production MaxScale: one read-write split service
// taking most of the traffic, a read-only readconnroute, a schemarouter, and an analytics
// readconnroute with filters (the only sessions that get a `filters` relationship).

export type ServerDef = {name: string; address: string; port: number};

export const servers: readonly ServerDef[] = [
	{name: 'server1', address: '10.0.2.11', port: 3306},
	{name: 'server2', address: '10.0.2.12', port: 3306},
	{name: 'server3', address: '10.0.2.13', port: 3306},
	{name: 'server4', address: '10.0.3.21', port: 3306},
	{name: 'server5', address: '10.0.3.22', port: 3306},
	{name: 'server6', address: '10.0.4.31', port: 3306},
];

export type SqlKind = 'oltp' | 'readonly' | 'shard' | 'analytics' | 'admin';

export type UserDef = {name: string; weight: number; kind: SqlKind; hosts: readonly string[]; connectors: readonly number[]};

export type ServiceDef = {
	name: string;
	router: string;
	/** Share of all sessions. */
	weight: number;
	/** Backends a session may hold; `fanout` says how many it opens. */
	backends: readonly string[];
	fanout: 'all' | 'one' | 'some';
	filters: readonly string[];
	users: readonly UserDef[];
	/** Service-level retain_last_statements: its sessions list their last N queries. */
	retainStatements: number;
	listenerPort: number;
};

const range = (prefix: string, from: number, to: number): string[] => {
	const out: string[] = [];
	for (let i = from; i <= to; i++) {
		out.push(prefix + String(i));
	}

	return out;
};

// Client hosts. The read-write listener binds "::", so IPv4 clients show up IPv4-mapped
// (::ffff:10.0.1.14), as in the 2.2-6.4 fixtures; a couple of clients really use IPv6.
const webTier = range('::ffff:10.0.1.', 11, 38);
const webTierV6 = ['fd12:3456:789a:1::21', 'fd12:3456:789a:1::22', '2001:db8:4006:812::200e'];
const workers = range('10.0.5.', 40, 52);
const reporting = ['10.0.6.10', '10.0.6.11', '192.168.40.17', '192.168.40.23'];
const etlHosts = ['::ffff:10.0.7.5', '::ffff:10.0.7.6', '::ffff:172.16.30.4'];
const adminHosts = ['127.0.0.1', '::ffff:127.0.0.1', '::1', '10.0.0.5'];
const shardHosts = range('10.0.8.', 100, 131);

// Indexes into `connectors`.
const C = {libmariadb: 0, connectorJ: 1, mysqlnd: 2, python: 3, go: 4, cli: 5, node: 6} as const;

export const services: readonly ServiceDef[] = [
	{
		name: 'RW-Split-Router',
		router: 'readwritesplit',
		weight: 55,
		backends: ['server1', 'server2', 'server3'],
		fanout: 'some',
		filters: [],
		retainStatements: 0,
		listenerPort: 4006,
		users: [
			{name: 'app_rw', weight: 30, kind: 'oltp', hosts: webTier, connectors: [C.connectorJ, C.connectorJ, C.go]},
			{name: 'webapp', weight: 20, kind: 'oltp', hosts: webTier, connectors: [C.mysqlnd]},
			{name: 'checkout_svc', weight: 10, kind: 'oltp', hosts: [...webTier.slice(0, 8), ...webTierV6], connectors: [C.connectorJ]},
			{name: 'inventory_api', weight: 8, kind: 'oltp', hosts: webTier.slice(8), connectors: [C.node, C.go]},
			{name: 'svc_customer_notification_dispatcher', weight: 4, kind: 'oltp', hosts: webTierV6, connectors: [C.python]},
			{name: 'maxuser', weight: 3, kind: 'oltp', hosts: adminHosts, connectors: [C.libmariadb]},
			{name: 'dba_jsmith', weight: 1, kind: 'admin', hosts: adminHosts, connectors: [C.cli]},
			{name: 'admin', weight: 1, kind: 'admin', hosts: adminHosts, connectors: [C.cli]},
		],
	},
	{
		name: 'Read-Connection-Router',
		router: 'readconnroute',
		weight: 25,
		backends: ['server2', 'server3'],
		fanout: 'one',
		filters: [],
		retainStatements: 0,
		listenerPort: 4008,
		users: [
			{name: 'app_ro', weight: 40, kind: 'readonly', hosts: workers, connectors: [C.connectorJ, C.go]},
			{name: 'report', weight: 15, kind: 'readonly', hosts: reporting, connectors: [C.python]},
			{name: 'reporting_ro', weight: 10, kind: 'readonly', hosts: reporting, connectors: [C.connectorJ]},
			{name: 'looker_analytics_readonly_user', weight: 5, kind: 'analytics', hosts: reporting, connectors: [C.connectorJ]},
			{name: 'grafana', weight: 5, kind: 'readonly', hosts: ['10.0.0.9'], connectors: [C.go]},
		],
	},
	{
		name: 'Sharded-Service',
		router: 'schemarouter',
		weight: 8,
		backends: ['server4', 'server5'],
		fanout: 'all',
		filters: ['Hint-Router'],
		retainStatements: 5,
		listenerPort: 4010,
		users: [
			{name: 'shard_app', weight: 8, kind: 'shard', hosts: shardHosts, connectors: [C.libmariadb, C.node]},
			{name: 'tenant_router_svc', weight: 3, kind: 'shard', hosts: shardHosts.slice(0, 6), connectors: [C.go]},
		],
	},
	{
		name: 'Analytics-Service',
		router: 'readconnroute',
		weight: 12,
		backends: ['server6'],
		fanout: 'one',
		filters: ['Query-Logger', 'Top-Queries'],
		retainStatements: 10,
		listenerPort: 4012,
		users: [
			{name: 'etl_loader', weight: 6, kind: 'analytics', hosts: etlHosts, connectors: [C.python]},
			{name: 'etl_nightly', weight: 3, kind: 'analytics', hosts: etlHosts, connectors: [C.python, C.libmariadb]},
			{name: 'airflow_etl_batch_user_prod', weight: 3, kind: 'analytics', hosts: etlHosts, connectors: [C.python]},
			{name: 'report', weight: 4, kind: 'analytics', hosts: reporting, connectors: [C.python]},
			{name: 'metabase', weight: 2, kind: 'analytics', hosts: ['10.0.6.30'], connectors: [C.connectorJ]},
		],
	},
];

export const filters: ReadonlyArray<{name: string; module: string}> = [
	{name: 'Hint-Router', module: 'hintfilter'},
	{name: 'Query-Logger', module: 'qlafilter'},
	{name: 'Top-Queries', module: 'topfilter'},
];

/**
 * Connection attributes (24.02 client.connection_attributes). Keys as real connectors send
 * them; the first is exactly the libmariadb set of the v24 fixture. `pid` and `serverHost` are
 * filled per session.
 */
export const connectors: ReadonlyArray<{attributes: ReadonlyArray<readonly [string, string]>; pid: boolean; serverHost: boolean}> = [
	{attributes: [['_client_name', 'libmariadb'], ['_client_version', '3.3.4'], ['_os', 'Linux'], ['_platform', 'x86_64']], pid: true, serverHost: true},
	{attributes: [['_client_name', 'MariaDB Connector/J'], ['_client_version', '3.1.4'], ['_java_vendor', 'Eclipse Adoptium'], ['_java_version', '17.0.8'], ['_os', 'Linux'], ['_os_version', '5.15.0-86-generic'], ['_thread', '1']], pid: true, serverHost: true},
	{attributes: [['_client_name', 'mysqlnd'], ['_client_version', 'mysqlnd 8.2.12'], ['_os', 'Linux'], ['_platform', 'x86_64']], pid: true, serverHost: false},
	{attributes: [['_client_name', 'libmariadb'], ['_client_version', '3.3.8'], ['_os', 'Linux'], ['_platform', 'x86_64'], ['program_name', 'python3']], pid: true, serverHost: true},
	{attributes: [['_client_name', 'Go-MySQL-Driver'], ['_os', 'linux'], ['_platform', 'amd64']], pid: true, serverHost: true},
	{attributes: [['_client_name', 'libmariadb'], ['_client_version', '3.3.8'], ['_os', 'Linux'], ['_platform', 'x86_64'], ['program_name', 'mariadb']], pid: true, serverHost: true},
	{attributes: [['_client_name', 'MariaDB connector/Node'], ['_client_version', '3.2.2'], ['_node_version', '20.11.0'], ['_os', 'linux'], ['_platform', 'x64']], pid: true, serverHost: true},
];

/** Default databases (the 2.5 `default_database` attribute). */
export const databases: Record<SqlKind, readonly string[]> = {
	oltp: ['shop', 'shop', 'shop', 'inventory'],
	readonly: ['shop', 'reporting'],
	shard: ['tenant_0042', 'tenant_0107', 'tenant_0311', 'tenant_0500', 'tenant_0733'],
	analytics: ['dwh', 'dwh_staging'],
	admin: ['mysql', 'information_schema', 'test'],
};

// SQL per workload. Literals vary so lists look alive; one statement spans lines and one has
// double quotes, so clients meet escaped JSON strings.
export const statements: Record<SqlKind, readonly string[]> = {
	oltp: [
		'SELECT id, status, total FROM orders WHERE customer_id = 48213 ORDER BY created_at DESC LIMIT 20',
		'SELECT * FROM products WHERE sku = \'PRD-99812\'',
		'UPDATE carts SET updated_at = NOW(), item_count = item_count + 1 WHERE id = 771234',
		'INSERT INTO order_items (order_id, product_id, qty, price) VALUES (5512093, 88121, 2, 19.90)',
		'START TRANSACTION',
		'COMMIT',
		'SET autocommit=1',
		'SELECT c.id, c.email FROM customers c WHERE c.email = \'anna.virtanen@example.com\'',
		'UPDATE stock SET reserved = reserved + 1 WHERE product_id = 88121 AND warehouse_id = 3',
		'SELECT @@session.transaction_read_only',
		'DELETE FROM sessions WHERE expires_at < NOW() - INTERVAL 1 DAY LIMIT 1000',
		'SELECT COUNT(*) FROM notifications WHERE user_id = 1209 AND read_at IS NULL',
	],
	readonly: [
		'SELECT id, name, price FROM products WHERE category_id = 14 AND active = 1',
		'SELECT COUNT(*) FROM orders WHERE created_at >= CURDATE()',
		'SELECT 1',
		'SELECT s.name, SUM(o.total) FROM orders o JOIN stores s ON s.id = o.store_id WHERE o.created_at >= \'2024-01-01\' GROUP BY s.name',
		'SHOW VARIABLES LIKE \'max_connections\'',
		'SELECT * FROM v_daily_revenue WHERE day = CURDATE() - INTERVAL 1 DAY',
	],
	shard: [
		'USE tenant_0042',
		'SELECT * FROM invoices WHERE status = \'open\' ORDER BY due_date LIMIT 50',
		'INSERT INTO events (tenant_id, kind, payload) VALUES (42, \'login\', \'{"ip":"10.0.8.101"}\')',
		'SHOW DATABASES',
		'SELECT id FROM users WHERE last_login < NOW() - INTERVAL 90 DAY',
	],
	analytics: [
		'SELECT\n  d.day,\n  COUNT(DISTINCT o.customer_id) AS buyers,\n  SUM(o.total) AS revenue\nFROM orders o\nJOIN dim_date d ON d.day = DATE(o.created_at)\nGROUP BY d.day\nORDER BY d.day DESC',
		'INSERT INTO fact_sales SELECT * FROM staging_sales WHERE batch_id = 20240105',
		'LOAD DATA LOCAL INFILE \'/data/export/clicks_20240105.csv\' INTO TABLE clicks FIELDS TERMINATED BY \',\'',
		'TRUNCATE TABLE staging_sales',
		'SELECT product_id, AVG(rating) FROM reviews GROUP BY product_id HAVING COUNT(*) > 10',
		'ANALYZE TABLE fact_sales',
	],
	admin: [
		'SHOW PROCESSLIST',
		'SHOW SLAVE STATUS',
		'SELECT @@version, @@hostname',
		'SHOW GLOBAL STATUS LIKE \'Threads_%\'',
		'SELECT user, host FROM mysql.user',
	],
};
