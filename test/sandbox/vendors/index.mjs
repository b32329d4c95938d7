// Every vendor fake the sandbox mounts, each under /<name>. A new vendor is one module in this
// folder exporting a factory (see epilot.mjs for the shape) plus one line here.
import epilot from './epilot.mjs';
import exolink from './exolink.mjs';
import exorlive from './exorlive.mjs';

export const vendors = [epilot, exolink, exorlive];
