import assert from 'node:assert/strict';
import {test} from 'node:test';
import {hasJobControl, inForeground, parseStat} from '../../source/ui/job-control.js';

test('a /proc stat line is read from its last parenthesis: a command name may hold spaces and parentheses', () => {
	assert.deepEqual(parseStat('4242 (node (x) y) S 4200 4242 4100 34816 4242 4194560 0'), {parent: 4200, group: 4242, session: 4100, foregroundGroup: 4242});
});

/** A process tree: pid → [parent, group, session]. */
const tree = (processes: Record<string, [number, number, number]>, self: number) => (pid: number | 'self') => {
	const entry = processes[String(pid === 'self' ? self : pid)];
	if (entry === undefined) {
		throw new Error(`no process ${pid}`);
	}

	const [parent, group, session] = entry;
	return {parent, group, session, foregroundGroup: group};
};

test('job control: a shell of our session above our process group, directly or above npx in our group', () => {
	// bash (100, its own group, session 100) started sessiontop (200) as a job.
	assert.equal(hasJobControl(tree({200: [100, 200, 100], 100: [1, 100, 100]}, 200)), true);
	// bash → npx's npm (300, the job's group) → sessiontop (301, same group).
	assert.equal(hasJobControl(tree({301: [300, 300, 100], 300: [100, 300, 100], 100: [1, 100, 100]}, 301)), true);
});

test('no job control: the first ancestor outside our group is in another session (tmux new sessiontop, a pty harness)', () => {
	// The terminal's server (50, session 50) forked sessiontop as the leader of session 200.
	assert.equal(hasJobControl(tree({200: [50, 200, 200], 50: [1, 50, 50]}, 200)), false);
	// Reparented to init, whose group and session are its own.
	assert.equal(hasJobControl(tree({200: [1, 200, 100], 1: [0, 1, 1]}, 200)), false);
});

test('where /proc cannot tell (not Linux, a process gone), the stop is tried as before', () => {
	assert.equal(hasJobControl(tree({}, 200)), true);
	assert.equal(hasJobControl(tree({200: [100, 200, 100]}, 200)), true);
});

test('in the foreground when the terminal\'s foreground group (tpgid) is ours; where /proc cannot tell, as if we were', () => {
	const stat = (foregroundGroup: number) => () => ({parent: 100, group: 200, session: 100, foregroundGroup});
	assert.equal(inForeground(stat(200)), true);
	// `bg`, or `kill %1` continuing us with its SIGTERM: the shell (100) has the terminal.
	assert.equal(inForeground(stat(100)), false);
	assert.equal(inForeground(() => {
		throw new Error('no /proc');
	}), true);
});
