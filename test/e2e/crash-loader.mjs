// A module loader hook (registered by crash-hook.mjs with SESSIONTOP_CRASH_KIND=render):
// it rewrites the built footer (build/ui/footer.js) so that its component throws
// while React renders it, once `globalThis.sessiontopCrashRender` is set. That is a
// crash from inside Ink and React, whatever the rest of the code does.
//
// The built CLI loads its screen as one file (build/ui/monitor-bundle.js), where the
// footer is not a module of its own to rewrite: with this hook the screen is loaded
// from its modules instead (build/ui/run-monitor.js, the bundle's entry). The crash
// goes through the same code either way: the bundle is those modules, Ink and React.

export async function resolve(specifier, context, nextResolve) {
	const result = await nextResolve(specifier, context);
	return result.url.endsWith('/ui/monitor-bundle.js') ? {...result, url: result.url.replace(/monitor-bundle\.js$/, 'run-monitor.js')} : result;
}

export async function load(url, context, nextLoad) {
	const result = await nextLoad(url, context);
	if (!url.endsWith('/ui/footer.js') || result.source === undefined) {
		return result;
	}

	const source = String(result.source).replace(
		'export function Footer(',
		'export function Footer(...args) { if (globalThis.sessiontopCrashRender) { throw new Error("crash-hook: a deliberate error while rendering"); } return footerAsBuilt(...args); }\nfunction footerAsBuilt(',
	);
	return {...result, source};
}
