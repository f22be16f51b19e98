// The build's second step (`npm run build`: tsc, then `node build/bundle.js`): the
// monitor's screen as one file (monitor-bundle.ts), and meow and undici's parts as one
// file each (vendor-bundles.ts). Never run by the app itself.

import {bundleMonitor} from './monitor-bundle.js';
import {bundleVendors} from './vendor-bundles.js';

await Promise.all([bundleMonitor(), bundleVendors()]);
