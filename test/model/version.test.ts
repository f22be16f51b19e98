// What a MaxScale can do, by its version: the boundaries themselves, since a kill offered to a
// server without DELETE /v1/sessions/:id gets a bare 404 that reads as "already gone".

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {canKill, canSetLog, hasCall, parseVersion, reportsStatements} from '../../source/model/version.js';

test('kill and restart from 22.08: not on the versions before it, whatever their patch level', () => {
	for (const version of ['2.2.21', '2.5.29', '6.4.15', '22.02.9', '22.7.99']) {
		assert.equal(canKill(version), false, version);
		assert.equal(hasCall('restart', version), false, version);
	}

	for (const version of ['22.08.0', '22.08.14', '23.02.1', '24.02.3', '25.01']) {
		assert.equal(canKill(version), true, version);
		assert.equal(hasCall('kill', version), true, version);
	}

	assert.equal(canKill(undefined), undefined, 'not known yet: neither offered nor refused');
	assert.equal(canKill('unknown'), false, 'a version that does not read is not one that can');
});

test('a session\'s log levels from 6.0; statements from 2.3.1', () => {
	assert.deepEqual(['2.5.29', '5.9.9', '6.0.0', '6.4.15', '22.08.1'].map((version) => canSetLog(version)), [false, false, true, true, true]);
	assert.equal(hasCall('log', '6.0.1'), true);
	assert.equal(canSetLog(undefined), undefined);
	assert.deepEqual(['2.2.21', '2.3.0', '2.3.1', '2.4.0', '3.0', '24.02.3'].map((version) => reportsStatements(version)), [false, false, true, true, true, true]);
	assert.equal(reportsStatements(undefined), undefined);
});

test('versions read as MaxScale writes them, with or without a patch level or a suffix', () => {
	assert.deepEqual(parseVersion('24.02.3'), [24, 2, 3]);
	assert.deepEqual(parseVersion('6.4'), [6, 4, 0]);
	assert.deepEqual(parseVersion('23.08.5-debug'), [23, 8, 5]);
	assert.equal(parseVersion('MaxScale'), undefined);
	assert.equal(parseVersion(undefined), undefined);
});
