import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {hostLabels} from '../../source/model/host-labels.js';

const labels = (hosts: string[], width: number) => {
	const map = hostLabels(hosts, width);
	return map === undefined ? undefined : hosts.map((host) => map.get(host));
};

test('names that fit, or a single MaxScale, are left as they are', () => {
	assert.equal(labels(['127.0.0.1:7411', '127.0.0.1:7412'], 14), undefined);
	assert.equal(labels(['maxscale-prod-eu-1.example.com:8989'], 10), undefined);
});

test('what all the names share is left out: their end first, then their start', () => {
	assert.deepEqual(labels(['10.0.0.15:8989', '10.0.0.16:8989'], 10), ['10.0.0.15', '10.0.0.16']);
	assert.deepEqual(labels(['127.0.0.1:7411', '127.0.0.1:7412'], 10), ['…:7411', '…:7412']);
	assert.deepEqual(labels(['mx1.example.com:8989', 'mx2.example.com:8989', 'mx10.example.com:8989'], 10), ['mx1', 'mx2', 'mx10']);
	assert.deepEqual(labels(['maxscale-prod-eu-1.example.com:8989', 'maxscale-prod-eu-2.example.com:8989'], 10), ['…-1', '…-2']);
	assert.deepEqual(labels(['https://mx1.example.com', 'https://mx2.example.com'], 10), ['…/mx1', '…/mx2']);
	assert.deepEqual(labels(['a.b:1', 'x.a.b:1'], 4), ['a', 'x.a']);
	// A shared end is never a whole name: ".b:1" would be left with nothing.
	assert.deepEqual(labels(['.b:1', 'a.b:1'], 3), ['.b:1', 'a.b:1']);
	// Two on one machine and a third elsewhere: the two lose the start they share, the third keeps its own (QA: "127.0.0.1…" twice).
	assert.deepEqual(labels(['127.0.0.1:18720', '127.0.0.1:18726', 'localhost:18725'], 9), ['…:18720', '…:18726', 'localhost:18725']);
});

test('the labels always tell distinct names apart, and never grow', () => {
	const name = fc.stringMatching(/^[a-c0-2.:/-]{1,16}$/);
	fc.assert(
		fc.property(fc.uniqueArray(name, {minLength: 2, maxLength: 5}), fc.integer({min: 1, max: 20}), (hosts, width) => {
			const map = hostLabels(hosts, width);
			if (map === undefined) {
				return;
			}

			const shown = hosts.map((host) => map.get(host)!);
			assert.equal(new Set(shown).size, hosts.length, JSON.stringify(shown));
			for (const [index, host] of hosts.entries()) {
				assert.ok(shown[index]!.length <= host.length, `${host} → ${shown[index]}`);
			}
		}),
	);
});
