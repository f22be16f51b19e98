// Compare two V8 heap snapshots (from `npm run soak -- --snapshots 1`, or
// node --heapsnapshot-signal): objects counted and sized by constructor (or by
// kind for strings, arrays, code), and what grew the most between them.
//
//   node --max-old-space-size=4096 --import tsx test/soak/heap-diff.ts before.heapsnapshot after.heapsnapshot [--top 30]

import {readFileSync} from 'node:fs';
import process from 'node:process';

type Snapshot = {
	snapshot: {meta: {node_fields: string[]; node_types: [string[], ...unknown[]]}};
	nodes: number[];
	strings: string[];
};

type Group = {count: number; size: number};

/** Objects by `kind: name`; the names of strings and code are their text, so those go by kind alone. */
export function groups(file: string): Map<string, Group> {
	const heap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
	const fields = heap.snapshot.meta.node_fields;
	const types = heap.snapshot.meta.node_types[0];
	const width = fields.length;
	const typeAt = fields.indexOf('type');
	const nameAt = fields.indexOf('name');
	const sizeAt = fields.indexOf('self_size');
	const byName = new Map<string, Group>();
	for (let i = 0; i < heap.nodes.length; i += width) {
		const type = types[heap.nodes[i + typeAt]!] ?? '?';
		const name = heap.strings[heap.nodes[i + nameAt]!] ?? '?';
		const key = type === 'object' || type === 'native' || type === 'closure' || type === 'hidden' || type === 'synthetic' || type === 'object shape' || type === 'array'
			? `${type}: ${name.slice(0, 60)}`
			: type;
		const group = byName.get(key) ?? {count: 0, size: 0};
		group.count++;
		group.size += heap.nodes[i + sizeAt]!;
		byName.set(key, group);
	}

	return byName;
}

const [beforeFile, afterFile] = process.argv.slice(2);
if (beforeFile === undefined || afterFile === undefined) {
	process.stderr.write('usage: heap-diff.ts before.heapsnapshot after.heapsnapshot [--top N]\n');
	process.exit(2);
}

const topAt = process.argv.indexOf('--top');
const top = topAt === -1 ? 30 : Number(process.argv[topAt + 1]);
const before = groups(beforeFile);
const after = groups(afterFile);
const total = (map: Map<string, Group>) => [...map.values()].reduce((sum, group) => ({count: sum.count + group.count, size: sum.size + group.size}), {count: 0, size: 0});
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const rows = [...new Set([...before.keys(), ...after.keys()])].map((key) => {
	const a = before.get(key) ?? {count: 0, size: 0};
	const b = after.get(key) ?? {count: 0, size: 0};
	return {key, count: b.count - a.count, size: b.size - a.size, before: a, after: b};
});
const t0 = total(before);
const t1 = total(after);
process.stdout.write(`total: ${t0.count} objects, ${kib(t0.size)} → ${t1.count} objects, ${kib(t1.size)} (${t1.count - t0.count >= 0 ? '+' : ''}${t1.count - t0.count}, ${kib(t1.size - t0.size)})\n\n`);
process.stdout.write('grew the most (by size):\n');
for (const row of rows.sort((x, y) => y.size - x.size).slice(0, top)) {
	process.stdout.write(`  ${kib(row.size).padStart(12)}  ${String(row.count).padStart(8)} objects  ${row.key}  (${row.before.count} → ${row.after.count})\n`);
}

process.stdout.write('\nshrank the most (by size):\n');
for (const row of rows.sort((x, y) => x.size - y.size).slice(0, 10)) {
	process.stdout.write(`  ${kib(row.size).padStart(12)}  ${String(row.count).padStart(8)} objects  ${row.key}  (${row.before.count} → ${row.after.count})\n`);
}
