// Build helpers: `gulp clean` empties dist/ before tsc, `gulp build:icons` copies the
// node and credential icons next to the compiled files, where n8n resolves `file:` icons.
const { src, dest, series } = require('gulp');
const fs = require('node:fs');

function clean(done) {
	fs.rmSync('dist', { recursive: true, force: true });
	done();
}

function buildIcons() {
	return src(['icons/**/*.{png,svg}', 'nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports.clean = clean;
exports['build:icons'] = buildIcons;
exports.default = series(clean, buildIcons);
