import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {ConfigFile} from '../../source/config/config-file.js';
import {parseDuration} from '../../source/config/duration.js';
import {buildConfig, demoWarning, monitorOptions, parseSize, parseSort, parseTimeZone, type Config, type Env, type Flags} from '../../source/config/options.js';
import {parseTarget} from '../../source/config/target.js';
import {noVerifyWarning} from '../../source/config/tls.js';

function ok(config: Config | {error: string}): Config {
	assert.ok(!('error' in config), 'error' in config ? config.error : '');
	return config;
}

test('defaults follow maxctrl', () => {
	const config = ok(buildConfig({}));
	assert.deepEqual(config.targets, [{origin: 'http://127.0.0.1:8989', label: '127.0.0.1:8989'}]);
	assert.equal(config.user, 'admin');
	assert.equal(config.password, 'mariadb');
	assert.equal(config.intervalMs, 2000);
	assert.equal(config.timeoutMs, 10_000);
	assert.equal(config.tlsVerify, true);
	assert.equal(config.readonly, false);
	assert.equal(config.sort, undefined);
	assert.equal(config.grouping, undefined);
	assert.ok(Object.values(config.sources).every((source) => source === 'default'));
});

test('hosts: host:port, bare host, IPv6, URLs, --secure, comma lists', () => {
	assert.deepEqual(parseTarget('mx1', false), {origin: 'http://mx1:8989', label: 'mx1:8989'});
	assert.deepEqual(parseTarget('mx1:9000', true), {origin: 'https://mx1:9000', label: 'mx1:9000'});
	assert.deepEqual(parseTarget('[::1]:8989', false), {origin: 'http://[::1]:8989', label: '[::1]:8989'});
	assert.deepEqual(parseTarget('https://mx.example.com', false), {origin: 'https://mx.example.com:443', label: 'mx.example.com:443'});
	const config = ok(buildConfig({hosts: 'a:1, b:2'}));
	assert.equal(config.targets.length, 2);
	assert.deepEqual(config.hostEntries, ['a:1', 'b:2'], 'kept as typed for the --tsv headings, but for the spaces around them (QA)');
	assert.deepEqual(ok(buildConfig({hosts: ' mx1 ,\tmx2:8989 '})).hostEntries, ['mx1', 'mx2:8989']);
});

test('mistakes become one sentence', () => {
	for (const [flags, pattern] of [
		[{hosts: 'ftp://x'}, /speaks http or https/],
		[{hosts: 'a:1,'}, /empty host/],
		[{hosts: 'http://admin:pw@mx:8989'}, /not in the host URL/],
		[{hosts: 'a b:1'}, /not a host:port/],
		// Port 0 was taken, and refused as a MaxScale down would be (exit 1), as 99999 is not (QA).
		[{hosts: '127.0.0.1:0'}, /^"127\.0\.0\.1:0" names port 0, which no server listens on: use MaxScale's admin_port, e\.g\. 127\.0\.0\.1:8989\.$/],
		[{hosts: 'https://[::1]:00/maxscale/'}, /^"https:\/\/\[::1\]:00\/maxscale\/" names port 0/],
		[{interval: '0.1'}, /^--interval "0\.1" is out of range \(a number alone is seconds\): give a duration from 0\.5s to 60s \(e\.g\. 2s, 500ms\)\.$/],
		[{interval: '61s'}, /^--interval "61s" is out of range: give a duration from 0\.5s to 60s \(e\.g\. 2s, 500ms\)\.$/],
		[{interval: 'soon'}, /^--interval "soon" is not a duration: give one from 0\.5s to 60s \(e\.g\. 2s, 500ms\)\.$/],
		[{timeout: 'x'}, /^--timeout "x" is not a duration: give one from 1ms to 60m \(e\.g\. 10000, 10s, 500ms\)\.$/],
		// -t 0 is a duration, only out of range: said so, with the range, not "not a duration".
		[{timeout: '0'}, /^--timeout "0" is out of range \(a number alone is milliseconds\): give a duration from 1ms to 60m \(e\.g\. 10000, 10s, 500ms\)\.$/],
		[{timeout: '0s'}, /^--timeout "0s" is out of range: give a duration from 1ms to 60m/],
		[{timeout: '61m'}, /^--timeout "61m" is out of range: give a duration from 1ms to 60m/],
		// Past 2^31-1 ms a timer fires at once: refused, not every request timed out after 1 ms.
		[{timeout: '2147483648'}, /^--timeout "2147483648" is out of range \(a number alone is milliseconds\): give a duration from 1ms to 60m/],
		[{sort: 'cpu'}, /not a sort: use one of id, user/],
		[{grouping: 'by-user'}, /not a grouping: use service-state, service, user, client, maxscale or flat/],
		[{maxBody: 'lots'}, /^--max-body "lots" is not a size \(units K, M and G; a number alone is bytes\): use e\.g\. 512M or 1G\.$/],
		// 5T is a size, only too large: said so (duration-range.test.ts has the rest).
		[{maxBody: '5T'}, /^--max-body "5T" is over the 4G an answer can be here/],
		[{maxBody: '99999999999999999999'}, /^--max-body "99999999999999999999" is over the 4G an answer can be here: use e\.g\. 512M or 1G\.$/],
		[{maxBody: '5G'}, /is over the 4G an answer can be here/],
		[{user: ''}, /^--user "" is not a user name: give one, e.g. -u admin\.$/],
		[{user: '  '}, /is not a user name/],
		[{hosts: 'http://admin:pw@[127.0.0.1'}, /"http:\/\/…@\[127\.0\.0\.1" is not a host:port/],
		[{hosts: 'ftp://admin:pw@x'}, /"ftp:\/\/…@x" uses ftp/],
	] as const) {
		const config = buildConfig(flags);
		assert.ok('error' in config, JSON.stringify(flags));
		assert.match(config.error, pattern);
		assert.doesNotMatch(config.error, /pw/);
		assert.equal(config.error.split('\n').length, 1);
	}
});

// A bare number is bytes, as curl, nginx and docker read one: it once meant MiB, so
// SESSIONTOP_MAX_BODY=1048576 was a 1 TiB cap, and the error for 0 spoke of 1K.
test('--max-body: K, M, G are binary units; a number alone is bytes, at least 1K', () => {
	assert.equal(parseSize('256M'), 256 * 1024 ** 2);
	assert.equal(parseSize('1g'), 1024 ** 3);
	assert.equal(parseSize('512KiB'), 512 * 1024);
	assert.equal(parseSize('1048576'), 1024 ** 2);
	assert.equal(parseSize('1048576B'), 1024 ** 2);
	assert.equal(parseSize('1024'), 1024);
	for (const small of ['0', '1', '512', '1023']) {
		assert.equal(parseSize(small), undefined, small);
		const config = buildConfig({maxBody: small});
		assert.ok('error' in config);
		assert.equal(config.error, `--max-body "${small}" is under 1K (a number alone is bytes): use e.g. 512M or 1G.`);
	}

	assert.equal(ok(buildConfig({}, {env: {SESSIONTOP_MAX_BODY: '2097152'}})).maxBodyBytes, 2 * 1024 ** 2);
});

test('durations', () => {
	assert.equal(parseDuration('2s', 's'), 2000);
	assert.equal(parseDuration('2', 's'), 2000);
	assert.equal(parseDuration('500ms', 's'), 500);
	assert.equal(parseDuration('1.5s', 'ms'), 1500);
	assert.equal(parseDuration('1m', 's'), 60_000);
	assert.equal(parseDuration('10000', 'ms'), 10_000);
	assert.equal(parseDuration('-1', 's'), -1000, 'a duration, refused as out of range');
	assert.equal(parseDuration('2h', 's'), 7_200_000, 'a duration, refused as out of range');
	assert.equal(parseDuration('soon', 's'), undefined);
});

function file(maxctrl: Record<string, unknown>, sessiontop: Record<string, unknown> = {}): ConfigFile {
	return {path: '/home/u/.maxctrl.cnf', maxctrl, sessiontop};
}

// For every kind of option: the flag beats the environment, which beats the file,
// which beats the default; each layer is removed in turn.
const precedence: Array<{
	name: string;
	flag: Flags;
	env: Env;
	file: ConfigFile;
	read(config: Config): unknown;
	values: [flag: unknown, env: unknown, file: unknown, fallback: unknown];
}> = [
	{
		name: 'user (string)',
		flag: {user: 'flag-user'},
		env: {SESSIONTOP_USER: 'env-user'},
		file: file({u: 'file-user'}),
		read: (c) => c.user,
		values: ['flag-user', 'env-user', 'file-user', 'admin'],
	},
	{
		name: 'password (secret)',
		flag: {password: 'flag-pw'},
		env: {SESSIONTOP_PASSWORD: 'env-pw'},
		file: file({password: 'file-pw'}),
		read: (c) => c.password,
		values: ['flag-pw', 'env-pw', 'file-pw', 'mariadb'],
	},
	{
		name: 'hosts (list)',
		flag: {hosts: 'f1:1,f2:2'},
		env: {SESSIONTOP_HOSTS: 'e1:1'},
		file: file({h: 'c1:1'}),
		read: (c) => c.targets.map((target) => target.label).join(','),
		values: ['f1:1,f2:2', 'e1:1', 'c1:1', '127.0.0.1:8989'],
	},
	{
		name: 'timeout (duration)',
		flag: {timeout: '1s'},
		env: {SESSIONTOP_TIMEOUT: '2000'},
		file: file({t: '3s'}),
		read: (c) => c.timeoutMs,
		values: [1000, 2000, 3000, 10_000],
	},
	{
		name: 'secure (boolean)',
		flag: {secure: false},
		env: {SESSIONTOP_SECURE: 'yes'},
		file: file({s: false}),
		read: (c) => c.targets[0]?.origin.startsWith('https:'),
		values: [false, true, false, false],
	},
	{
		name: 'tls-verify-server-cert (boolean, default true)',
		flag: {tlsVerifyServerCert: false},
		env: {SESSIONTOP_TLS_VERIFY_SERVER_CERT: 'true'},
		file: file({'tls-verify-server-cert': false}),
		read: (c) => c.tlsVerify,
		values: [false, true, false, true],
	},
	{
		name: 'tls-ca-cert (path)',
		flag: {tlsCaCert: '/flag/ca.pem'},
		env: {SESSIONTOP_TLS_CA_CERT: '/env/ca.pem'},
		file: file({'tls-ca-cert': '/file/ca.pem'}),
		read: (c) => c.tlsCaCert,
		values: ['/flag/ca.pem', '/env/ca.pem', '/file/ca.pem', undefined],
	},
	{
		name: 'interval ([sessiontop], no environment)',
		flag: {interval: '1s'},
		env: {},
		file: file({}, {interval: '5s'}),
		read: (c) => c.intervalMs,
		values: [1000, 5000, 5000, 2000],
	},
	{
		name: 'sort ([sessiontop])',
		flag: {sort: 'user'},
		env: {},
		file: file({}, {sort: 'idle desc'}),
		read: (c) => c.sort,
		values: [{key: 'user', descending: false}, {key: 'idle', descending: true}, {key: 'idle', descending: true}, undefined],
	},
	{
		name: 'max-body ([sessiontop], with a variable)',
		flag: {maxBody: '1G'},
		env: {SESSIONTOP_MAX_BODY: '512M'},
		file: file({}, {'max-body': '64m'}),
		read: (c) => c.maxBodyBytes,
		values: [1024 ** 3, 512 * 1024 ** 2, 64 * 1024 ** 2, 256 * 1024 ** 2],
	},
	{
		name: 'server-tz ([sessiontop], with a variable)',
		flag: {serverTz: 'utc'},
		env: {SESSIONTOP_SERVER_TZ: '+0530'},
		file: file({}, {'server-tz': 'europe/helsinki'}),
		read: (c) => c.serverTimeZone,
		values: ['UTC', '+05:30', 'Europe/Helsinki', undefined],
	},
	{
		name: 'readonly ([sessiontop])',
		flag: {readonly: false},
		env: {},
		file: file({}, {readonly: true}),
		read: (c) => c.readonly,
		values: [false, true, true, false],
	},
];

for (const option of precedence) {
	test(`precedence, ${option.name}: flag > environment > config file > default`, () => {
		const [fromFlag, fromEnv, fromFile, fallback] = option.values;
		assert.deepEqual(option.read(ok(buildConfig(option.flag, {env: option.env, file: option.file}))), fromFlag, 'flag');
		assert.deepEqual(option.read(ok(buildConfig({}, {env: option.env, file: option.file}))), fromEnv, 'environment');
		assert.deepEqual(option.read(ok(buildConfig({}, {env: {}, file: option.file}))), fromFile, 'file');
		assert.deepEqual(option.read(ok(buildConfig({}, {env: {}}))), fallback, 'default');
	});
}

test("maxctrl's own environment variables count, below ours", () => {
	const env = {MAXCTRL_USER: 'mx-user', MAXCTRL_PASSWORD: 'mx-pw'};
	const config = ok(buildConfig({}, {env, file: file({u: 'file-user', p: 'file-pw'})}));
	assert.equal(config.user, 'mx-user');
	assert.equal(config.password, 'mx-pw');
	assert.equal(config.sources.password, 'env');
	assert.equal(ok(buildConfig({}, {env: {...env, SESSIONTOP_PASSWORD: 'ours'}})).password, 'ours');
	assert.equal(ok(buildConfig({}, {env: {SESSIONTOP_USER: ''}})).user, 'admin', 'an empty variable is unset');
});

test('the config file: aliases (the last of two in a file made in code), values converted like maxctrl (ini)', () => {
	const config = ok(
		buildConfig(
			{},
			{
				file: file(
					{user: 'first', u: 'second', p: 12_345, n: 'false', secure: true, hosts: 'mx:1', timeout: '10s', quiet: true, tsv: true},
					{grouping: 'none', readonly: 'yes'},
				),
			},
		),
	);
	assert.equal(config.user, 'second');
	assert.equal(config.password, '12345');
	assert.equal(config.tlsVerify, false);
	assert.equal(config.targets[0]?.origin, 'https://mx:1');
	assert.equal(config.timeoutMs, 10_000);
	assert.equal(config.grouping, 'flat');
	assert.equal(config.readonly, true);
	assert.deepEqual(monitorOptions(config), {intervalMs: 2000, readonly: true, grouping: 'flat'});
	assert.equal(config.maxBodyBytes, 256 * 1024 * 1024);
});

test('config file mistakes name the key and the file', () => {
	for (const [maxctrl, sessiontop, pattern] of [
		[{p: true}, {}, /^p in \[maxctrl\] of \/home\/u\/\.maxctrl\.cnf has no value: write it as p = value\.$/],
		[{secure: 'maybe'}, {}, /^secure in \[maxctrl\] of \/home\/u\/\.maxctrl\.cnf \("maybe"\) is not true or false: write secure = true or false \(yes\/no, on\/off and 1\/0 work too\)\.$/],
		[{n: 'perhaps'}, {}, /^n in \[maxctrl\] of \S+ \("perhaps"\) is not true or false: write n = true or false/],
		[{t: 'soon'}, {}, /^t in \[maxctrl\] of \S+ \("soon"\) is not a duration: give one from 1ms to 60m/],
		[{t: '0'}, {}, /^t in \[maxctrl\] of \S+ \("0"\) is out of range \(a number alone is milliseconds\): give a duration from 1ms to 60m/],
		[{}, {interval: '100'}, /^interval in \[sessiontop\] of \S+ \("100"\) is out of range \(a number alone is seconds\): give a duration from 0\.5s to 60s/],
		[{}, {colour: 'red'}, /^a key in \[sessiontop\] of \S+ is not a setting: use interval, sort, grouping, columns, readonly, mouse, max-body or server-tz\.$/],
		[{h: 'ftp://x'}, {}, /^h in \[maxctrl\] of \S+: "ftp:\/\/x" uses ftp/],
		// One sentence: lower case after the colon, as after cli.tsx's "sessiontop: ".
		[{h: ''}, {}, /^h in \[maxctrl\] of \S+: an empty host was given: use host:port/],
		[{h: 'http://a:b@mx'}, {}, /^h in \[maxctrl\] of \S+: put credentials in --user and --password/],
	] as const) {
		const config = buildConfig({}, {file: file(maxctrl, sessiontop)});
		assert.ok('error' in config, JSON.stringify(maxctrl));
		assert.match(config.error, pattern);
	}

	// The environment's sentences quote the value as the file's do: VARIABLE ("value").
	for (const [env, sentence] of [
		[{SESSIONTOP_SECURE: 'sometimes'}, 'SESSIONTOP_SECURE ("sometimes") is not true or false: set it to true or false (yes/no, on/off and 1/0 work too).'],
		[{SESSIONTOP_TLS_VERIFY_SERVER_CERT: 'perhaps'}, 'SESSIONTOP_TLS_VERIFY_SERVER_CERT ("perhaps") is not true or false: set it to true or false (yes/no, on/off and 1/0 work too).'],
		[{SESSIONTOP_TIMEOUT: 'xyz'}, 'SESSIONTOP_TIMEOUT ("xyz") is not a duration: give one from 1ms to 60m (e.g. 10000, 10s, 500ms).'],
		[{SESSIONTOP_TIMEOUT: '0'}, 'SESSIONTOP_TIMEOUT ("0") is out of range (a number alone is milliseconds): give a duration from 1ms to 60m (e.g. 10000, 10s, 500ms).'],
	] as const) {
		const badEnv = buildConfig({}, {env});
		assert.ok('error' in badEnv, JSON.stringify(env));
		assert.equal(badEnv.error, sentence);
	}
});

test('durations at the ends of their ranges are taken', () => {
	assert.equal(ok(buildConfig({timeout: '1'})).timeoutMs, 1);
	assert.equal(ok(buildConfig({timeout: '60m'})).timeoutMs, 3_600_000);
	assert.equal(ok(buildConfig({interval: '0.5'})).intervalMs, 500);
	assert.equal(ok(buildConfig({interval: '60s'})).intervalMs, 60_000);
});

// -n false names itself; verification turned off elsewhere names that place, which the
// operator may have forgotten, instead of a "-n false" never typed.
test('the warning for verification off names where it was turned off', () => {
	const warning = (config: Config | {error: string}) => noVerifyWarning(ok(config));
	const https = {hosts: 'https://mx:8989'};
	const after = ': sessiontop cannot tell MaxScale from an impostor, who would get the password.';
	assert.equal(warning(buildConfig({...https, tlsVerifyServerCert: false})), `TLS certificate verification is off (-n false)${after}`);
	assert.equal(
		warning(buildConfig(https, {env: {SESSIONTOP_TLS_VERIFY_SERVER_CERT: '0'}})),
		`TLS certificate verification is off (SESSIONTOP_TLS_VERIFY_SERVER_CERT is false)${after}`,
	);
	assert.equal(
		warning(buildConfig(https, {file: file({'tls-verify-server-cert': false})})),
		`TLS certificate verification is off (tls-verify-server-cert in [maxctrl] of /home/u/.maxctrl.cnf is false)${after}`,
	);
	assert.equal(warning(buildConfig(https, {file: file({n: 'no'})})), `TLS certificate verification is off (n in [maxctrl] of /home/u/.maxctrl.cnf is false)${after}`);
	// The flag wins over the file, and names itself; verification on, or no https host: no warning.
	assert.match(String(warning(buildConfig({...https, tlsVerifyServerCert: false}, {file: file({n: false})}))), /\(-n false\)/);
	assert.equal(warning(buildConfig(https, {file: file({n: true})})), undefined);
	assert.equal(warning(buildConfig({}, {file: file({n: false})})), undefined);
});

test('an empty password means: ask for it, as maxctrl -p \'\'', () => {
	assert.equal(ok(buildConfig({password: ''})).password, '');
	assert.equal(ok(buildConfig({}, {file: file({p: ''})})).password, '');
});

test('sorts and groupings as people write them', () => {
	assert.deepEqual(parseSort('idle'), {key: 'idle', descending: false});
	assert.deepEqual(parseSort('-memory'), {key: 'memory', descending: true});
	assert.deepEqual(parseSort(' Age DESC '), {key: 'age', descending: true});
	assert.deepEqual(parseSort('I/O desc'), {key: 'io', descending: true});
	// The names --columns takes for a column (QA: --columns sql worked, --sort sql did not).
	assert.deepEqual(parseSort('sql'), {key: 'statement', descending: false});
	assert.deepEqual(parseSort('-duration'), {key: 'running', descending: true});
	assert.deepEqual(parseSort('servers desc'), {key: 'server', descending: true});
	assert.equal(parseSort('idle sideways'), undefined);
	assert.equal(ok(buildConfig({grouping: 'service+state'})).grouping, 'service-state');
	assert.equal(ok(buildConfig({grouping: 'service'})).grouping, 'service');
	assert.equal(ok(buildConfig({grouping: 'user'})).grouping, 'user');
	assert.equal(ok(buildConfig({grouping: 'client'})).grouping, 'client');
});

test('server-tz: local, UTC, offsets and zone names, normalized', () => {
	for (const [text, expected] of [
		['local', 'local'],
		[' LOCAL ', 'local'],
		['UTC', 'UTC'],
		['utc', 'UTC'],
		['Z', 'UTC'],
		['GMT', 'UTC'],
		['+00:00', 'UTC'],
		['-0000', 'UTC'],
		['+02:00', '+02:00'],
		['+0200', '+02:00'],
		['+02', '+02:00'],
		['-05:30', '-05:30'],
		['+14:00', '+14:00'],
		['-12:00', '-12:00'],
		['Europe/Helsinki', 'Europe/Helsinki'],
		['europe/helsinki', 'Europe/Helsinki'],
		['America/New_York', 'America/New_York'],
		['Etc/UTC', 'UTC'],
	] as const) {
		assert.equal(parseTimeZone(text), expected, text);
	}

	for (const text of ['', ' ', 'Mars/Olympus', 'Europe/Helsinki2', '+15:00', '+02:60', '+2', '+2:00', '02:00', '+02:00:00', 'UTC+2', 'EET?']) {
		assert.equal(parseTimeZone(text), undefined, text);
	}

	// local is the default: Config says so by leaving the field out.
	assert.equal(ok(buildConfig({serverTz: 'local'})).serverTimeZone, undefined);
	assert.equal('serverTimeZone' in ok(buildConfig({})), false);
	assert.equal(ok(buildConfig({serverTz: '+02:00'})).sources.serverTz, 'flag');
	assert.equal(ok(buildConfig({}, {env: {SESSIONTOP_SERVER_TZ: ''}})).serverTimeZone, undefined, 'an empty variable is unset');
});

test('a bad server-tz is one sentence naming where it came from and the forms accepted', () => {
	const forms = 'is not a time zone: use local, UTC, an offset such as +02:00, or a zone name such as Europe/Helsinki.';
	for (const [flags, sources, expected] of [
		[{serverTz: 'Mars/Olympus'}, {}, `--server-tz "Mars/Olympus" ${forms}`],
		[{serverTz: ''}, {}, `--server-tz "" ${forms}`],
		[{}, {env: {SESSIONTOP_SERVER_TZ: '+15:00'}}, `SESSIONTOP_SERVER_TZ ("+15:00") ${forms}`],
		[{}, {file: file({}, {'server-tz': 'Helsinki'})}, `server-tz in [sessiontop] of /home/u/.maxctrl.cnf ("Helsinki") ${forms}`],
	] as const) {
		const config = buildConfig(flags, sources);
		assert.ok('error' in config, JSON.stringify(flags));
		assert.equal(config.error, expected);
	}
});

test('a MaxScale named twice is watched once, the first time it is named, with one warning', () => {
	const config = ok(buildConfig({hosts: 'a,b:1,a:8989,http://A:8989,b:1'}));
	assert.deepEqual(
		config.targets.map((target) => target.origin),
		['http://a:8989', 'http://b:1'],
	);
	assert.deepEqual(config.hostEntries, ['a', 'b:1'], 'the entries kept line up with the targets');
	assert.deepEqual(config.warnings, ['--hosts names a:8989, b:1 more than once: each MaxScale is watched once.']);

	const fromFile = ok(buildConfig({}, {file: file({h: 'mx1,mx1'})}));
	assert.equal(fromFile.targets.length, 1);
	assert.deepEqual(fromFile.warnings, ['h in [maxctrl] of /home/u/.maxctrl.cnf names mx1:8989 more than once: each MaxScale is watched once.']);

	// http and https on the same port are not the same MaxScale; distinct hosts stay silent.
	const both = ok(buildConfig({hosts: 'mx1,https://mx1:8989,mx2'}));
	assert.equal(both.targets.length, 3);
	assert.deepEqual(both.warnings, []);
});

test('--demo names the connection flags it ignores; the environment and the file do not count', () => {
	assert.equal(demoWarning(ok(buildConfig({}))), undefined);
	assert.equal(
		demoWarning(ok(buildConfig({hosts: 'mx1'}))),
		'--demo watches its own simulated MaxScale, so --hosts is ignored: leave out --demo to watch yours.',
	);
	assert.equal(
		demoWarning(ok(buildConfig({hosts: 'mx1', user: 'u', tlsVerifyServerCert: false}))),
		'--demo watches its own simulated MaxScale, so --hosts, --user and --tls-verify-server-cert are ignored: leave out --demo to watch yours.',
	);
	assert.equal(demoWarning(ok(buildConfig({}, {env: {SESSIONTOP_HOSTS: 'mx1'}, file: file({u: 'x'})}))), undefined);
	assert.equal(demoWarning(ok(buildConfig({interval: '1s', readonly: true}))), undefined, 'the view settings apply to the demo');
});

test('TLS files given on the command line or in the environment with no https host: one warning, as -s was likely forgotten', () => {
	assert.deepEqual(ok(buildConfig({tlsCaCert: 'ca.pem', hosts: 'mx1'})).warnings, [
		'--tls-ca-cert is not used: no MaxScale is reached over https. Add -s, or write https:// before the host.',
	]);
	assert.deepEqual(ok(buildConfig({hosts: 'mx1'}, {env: {SESSIONTOP_TLS_CERT: 'c.pem', SESSIONTOP_TLS_KEY: 'k.pem'}})).warnings, [
		'SESSIONTOP_TLS_CERT, SESSIONTOP_TLS_KEY are not used: no MaxScale is reached over https. Add -s, or write https:// before the host.',
	]);
	assert.deepEqual(ok(buildConfig({tlsCaCert: 'ca.pem', hosts: 'mx1', secure: true})).warnings, [], 'with -s they are used');
	assert.deepEqual(ok(buildConfig({tlsCaCert: 'ca.pem', hosts: 'https://mx1'})).warnings, []);
	// maxctrl's config file holds them for every host it talks to: no word for those.
	assert.deepEqual(ok(buildConfig({hosts: 'mx1'}, {file: file({'tls-ca-cert': 'ca.pem'})})).warnings, []);
});

test('a TLS passphrase typed for this run with no key to unlock: a warning naming where it was given, never the passphrase (QA)', () => {
	assert.deepEqual(ok(buildConfig({hosts: 'https://mx1', tlsPassphrase: 'hunter2'})).warnings, ['--tls-passphrase is not used: it unlocks the private key of --tls-key, and none was given.']);
	assert.deepEqual(ok(buildConfig({hosts: 'https://mx1'}, {env: {SESSIONTOP_TLS_PASSPHRASE: 'hunter2'}})).warnings, ['SESSIONTOP_TLS_PASSPHRASE is not used: it unlocks the private key of --tls-key, and none was given.']);
	assert.deepEqual(ok(buildConfig({hosts: 'https://mx1', tlsPassphrase: 'hunter2', tlsKey: 'k.pem', tlsCert: 'c.pem'})).warnings, []);
	assert.deepEqual(ok(buildConfig({hosts: 'https://mx1'}, {file: file({'tls-passphrase': 'hunter2'})})).warnings, [], "maxctrl's file: not a word");
});

test('columns: chosen and ordered after Id, as typed or from [sessiontop]; a wrong name is one sentence', () => {
	assert.deepEqual(ok(buildConfig({columns: 'Idle, state  user'})).columns, ['idle', 'state', 'user']);
	// Id always comes first: naming it changes nothing; a name twice counts once; titles work too.
	assert.deepEqual(ok(buildConfig({columns: 'id,I/O,io,host'})).columns, ['io', 'maxscale']);
	const fromFile = ok(buildConfig({}, {file: file({}, {columns: 'memory,user'})}));
	assert.deepEqual(monitorOptions(fromFile), {intervalMs: 2000, readonly: false, columns: ['memory', 'user']});
	assert.equal(ok(buildConfig({columns: 'age'}, {file: file({}, {columns: 'memory'})})).columns?.join(), 'age', 'the flag wins');
	assert.equal(ok(buildConfig({})).columns, undefined, 'all, by default');
	assert.deepEqual(
		buildConfig({columns: 'user,usr,memry'}),
		{error: '--columns "user,usr,memry" has "usr", "memry", not columns (user?): use some of user, client, service, server, state, age, idle, memory, io, maxscale, running, statement, in the order wanted (Id always comes first), e.g. "user,state,idle,memory".'},
	);
	assert.match((buildConfig({columns: ' , '}) as {error: string}).error, /^--columns " , " names no column: use some of/);
	assert.match((buildConfig({columns: 'user,idel'}) as {error: string}).error, /^--columns "user,idel" has "idel", not a column \(idle\?\): use some of/);
	assert.match((buildConfig({}, {file: file({}, {columns: 'nope'})}) as {error: string}).error, /^columns in \[sessiontop\] of .* has "nope", not a column/);
});

test('the mouse: on by default; --no-mouse or mouse = false in [sessiontop] leaves it to the terminal; a flag wins', async () => {
	const {readFlags} = await import('../../source/config/flags.js');
	const file = (sessiontop: Record<string, unknown>): ConfigFile => ({path: '/home/u/.maxctrl.cnf', maxctrl: {}, sessiontop});
	const flags = (...argv: string[]) => {
		const read = readFlags(Object.fromEntries(argv.map((arg) => (arg === '--no-mouse' ? ['mouse', false] : ['mouse', '']))), argv);
		assert.ok(!('error' in read));
		return read;
	};

	assert.equal(ok(buildConfig({})).mouse, true);
	assert.equal(ok(buildConfig(flags('--no-mouse'))).mouse, false);
	assert.equal(ok(buildConfig({}, {file: file({mouse: false})})).mouse, false);
	assert.equal(ok(buildConfig({}, {file: file({mouse: 'no'})})).mouse, false);
	assert.equal(ok(buildConfig(flags('--mouse'), {file: file({mouse: false})})).mouse, true);
	const wrong = buildConfig({}, {file: file({mouse: 'maybe'})});
	assert.ok('error' in wrong && /mouse in \[sessiontop\]/.test(wrong.error), 'error' in wrong ? wrong.error : 'no error');
});
