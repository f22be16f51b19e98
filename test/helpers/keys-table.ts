import {bindings} from '../../source/model/keymap.js';

/** The readme's Keys table, written from the key map itself. */
export function keysTable(): string {
	const rows = bindings.map((binding) => {
		const keys = binding.label
			.split(' ')
			.map((key) => `\`${key}\``)
			.join(' ');
		return `| ${binding.section} | ${keys} | ${binding.description.replaceAll('|', '\\|')} |`;
	});
	return ['| | key | what it does |', '| --- | --- | --- |', ...rows].join('\n');
}
