// meow, as cli.tsx imports it. Here only the package re-exported (the tests run this);
// `npm run build` then writes meow in this module's place as one file, patched so that
// importing it no longer sets up normalize-package-data and @babel/code-frame
// (vendor-bundles.ts): ~28 ms of every start, --help and --version included.
export {default} from 'meow';
