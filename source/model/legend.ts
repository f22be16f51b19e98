// What the screen's columns and signs mean, for the help (ui/help.tsx) after the keys: the
// help was the keys only, and an operator new to sessiontop could not tell what I/O counts
// or what a `+` before a row says (QA). Beside the key map, as the keys are, so the help and
// the readme's screen section can be held to one table.

export type LegendSection = 'Columns' | 'Signs';
export type LegendEntry = {label: string; section: LegendSection; description: string};

export const legend: readonly LegendEntry[] = [
	{label: 'Id', section: 'Columns', description: "the session's id: the connection id its client sees"},
	{label: 'MaxScale', section: 'Columns', description: 'with several -h: the MaxScale the session is on (its id is its own there)'},
	{label: 'User', section: 'Columns', description: 'the user the client logged in as'},
	{label: 'Client', section: 'Columns', description: "the client's address and port"},
	{label: 'Service', section: 'Columns', description: 'not grouped by service: the service the client connected through'},
	{label: 'Server', section: 'Columns', description: 'the servers the session is connected to (2.3+)'},
	{label: 'State', section: 'Columns', description: "MaxScale's state of the session, shortened (created, started, ready, stopping, listener); closing and ended: see Signs"},
	{label: 'Age', section: 'Columns', description: 'how long ago the client connected'},
	// From 23.02 MaxScale reports 0 while a statement runs (QA read it as an idle session): Running tells.
	{label: 'Idle', section: 'Columns', description: 'how long since the session last did anything (23.02+: 0 mid-statement)'},
	{label: 'Memory', section: 'Columns', description: 'the memory MaxScale holds for the session (22.08+)'},
	{label: 'I/O', section: 'Columns', description: "the session's I/O events in the last 30 s (23.02+)"},
	{label: 'Running', section: 'Columns', description: 'with S: how long the statement still running has run, by MaxScale\'s clock; yellow from 1s, red from 10s'},
	{label: 'Statement', section: 'Columns', description: 'with S: the newest statement MaxScale retained (retain_last_statements)'},
	{label: '▶', section: 'Signs', description: 'the cursor'},
	{label: '+', section: 'Signs', description: 'a session new in the last three polls'},
	{label: '●', section: 'Signs', description: 'a marked session (on a group row: how many of its sessions are; in the header: how many in all, and how many the filter hides)'},
	{label: '✕', section: 'Signs', description: 'a session that has ended (State: ended), kept three polls'},
	{label: 'closing', section: 'Signs', description: 'in State: a session killed with a grace period, until it ends'},
	{label: '▾ ▸', section: 'Signs', description: 'an open group, a folded one'},
	{label: '»', section: 'Signs', description: 'before a statement still running'},
	{label: '?', section: 'Signs', description: 'a value this MaxScale does not report'},
	{label: 'was 130', section: 'Signs', description: "in the pane: a value's last one, when the latest poll changed it"},
	{label: '+1.5/s', section: 'Signs', description: 'in the header: sessions opened and closed per second'},
	{label: '▁▃▅', section: 'Signs', description: "in the header: each service's sessions over the last polls"},
	{label: 'up', section: 'Signs', description: "in the header: MaxScale's uptime"},
	{label: 'PAUSED', section: 'Signs', description: 'in the header: polling is paused (p resumes it); the rows are those of the last poll'},
	{label: 'REC', section: 'Signs', description: 'in the header: every poll is being recorded to a file (W stops it)'},
	{label: 'REPLAY', section: 'Signs', description: "in the header: a recording played back: the poll's time, and which poll of how many"},
	{label: 'NO DATA', section: 'Signs', description: 'in the header: polls failed and none has answered yet'},
	{label: 'STALE', section: 'Signs', description: 'in the header: the last poll failed; the rows are the last good ones'},
];
