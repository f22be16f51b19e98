// A session list with every kind of string the screen must change and --json must keep,
// and the edge cases of the reader's rules; and what --json must never print.

/** Everything a terminal could act on or hide, as --json must never print it. */
// eslint-disable-next-line no-control-regex
export const unsafeInJson = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\p{Cf}]|[\uD800-\uDFFF]/u;

const service = (id: string) => ({services: {data: [{id, type: 'services'}]}});
const started = {state: 'Session started', remote: '10.0.0.1'};

/** A list with every kind of string the screen would have to change, and the edge cases of the reader's rules. */
export const hostileList: unknown[] = [
	{id: '1', attributes: {...started, user: 'tab\there', port: 4000, idle: 1}, relationships: service('RW')},
	// Backends are the server's text too: a name that would clear the screen, one that is no string.
	{id: '2', attributes: {...started, user: 'a\nb', connections: [{server: 'db\u001B[2J1', connection_id: 7}, {server: 5}, {server: 'db2'}]}, relationships: service('svc\u001B[31m')},
	{id: '3\u0007', attributes: {...started, user: 'bell'}, relationships: service('RW')},
	// Two ids that sanitize alike: two sessions on the server, two here.
	{id: '4\u0001', attributes: {...started, user: 'one'}, relationships: service('RW')},
	{id: '4\u0002', attributes: {...started, user: 'two'}, relationships: service('RW')},
	{id: '5', attributes: {...started, user: '\u202Eevil\u2066\u200B\uFEFF\u00AD\u007F\u009B\u2028\u{E0041}x\uD800'}, relationships: service('RW')},
	// Neither a service nor a state: not reported, so left out (not "").
	{id: '6', attributes: {user: 'bare'}},
	// An empty state is what the server sent: kept.
	{id: '7', attributes: {state: '', user: ''}, relationships: {services: {data: []}}},
	// A repeated id: the first one is the session (as the screen has it).
	{id: '1', attributes: {...started, user: 'repeated'}, relationships: service('RW')},
	null,
];
