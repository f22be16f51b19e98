// npm's `ini` (the parser maxctrl itself uses for ~/.maxctrl.cnf) ships no types.
declare module 'ini' {
	const ini: {
		/** Sections become objects; bare keys are `true`; `true`/`false`/`null` values are converted; quoted values are JSON-parsed. */
		parse(text: string): Record<string, unknown>;
	};
	export default ini;
}
