// `npm run release`: what releasing this package really is. The package is published only by
// the Publish workflow (.github/workflows/publish.yml) when a version tag is pushed, with npm
// provenance, which n8n requires of community nodes.
//
// - Inside GitHub Actions (GITHUB_ACTIONS set) it runs `n8n-node release` unchanged: lint,
//   build, then `npm publish` with RELEASE_MODE=true and NPM_CONFIG_PROVENANCE=true.
// - Anywhere else it publishes nothing and prints how to release (bump with `npm version`, push
//   the tag; the workflow publishes). `n8n-node release` would run release-it there, which this
//   package does not use.
// - `--dry-run` (`npm run release:dry-run`) changes nothing, here or in CI: build, lint, then
//   `npm publish --dry-run` with RELEASE_MODE=true (so prepublishOnly's `n8n-node prerelease`
//   passes), which prints the tarball's contents. The dry run flag goes to that one command
//   only: npm_config_dry_run in the environment would also reach `npm run lint`, whose scanner
//   packs the package and then finds no tarball. No provenance either: it needs GitHub's OIDC
//   token, which only the Publish workflow has.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const { name, version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** Runs a command in the package folder with inherited output; exits on failure. */
function run(command, args, env = {}) {
	console.log(`\n> ${[command, ...args].join(' ')}`);
	const result = spawnSync(command, args, {
		cwd: ROOT,
		stdio: 'inherit',
		env: withoutDryRun({ ...process.env, ...env }),
		shell: process.platform === 'win32',
	});
	if (result.error) throw result.error;
	if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The environment without npm's dry-run setting (`npm run release --dry-run` sets it). */
function withoutDryRun(env) {
	const clean = { ...env };
	for (const key of Object.keys(clean)) {
		if (key.toLowerCase() === 'npm_config_dry_run') delete clean[key];
	}
	return clean;
}

const dryRun =
	process.argv.includes('--dry-run') ||
	Object.entries(process.env).some(
		([key, value]) => key.toLowerCase() === 'npm_config_dry_run' && value === 'true',
	);

if (dryRun) {
	console.log(`Dry run of the release of ${name}@${version}: nothing is published or changed.`);
	run(npm, ['run', 'build']);
	run(npm, ['run', 'lint']);
	run(npm, ['publish', '--dry-run'], { RELEASE_MODE: 'true' });
	console.log(`\nDry run passed: ${name}@${version} would be published with the files above.`);
} else if (process.env.GITHUB_ACTIONS) {
	// The Publish workflow: n8n's own release command, which publishes with provenance.
	run(npm, ['exec', '--', 'n8n-node', 'release']);
} else {
	console.log(`Nothing was published. ${name} is released by the Publish workflow
(.github/workflows/publish.yml), which publishes to npm with provenance when a version tag is
pushed. From a clean, up-to-date main branch:

  npm run release:dry-run      # build, lint, npm publish --dry-run: the files that would ship
  npm version patch            # or minor / major: bumps ${version}, commits and tags v<version>
  git push --follow-tags       # the pushed tag starts the Publish workflow

The workflow runs npm ci, npm test and \`npm run release\`, which there runs \`n8n-node release\`:
lint, build and \`npm publish\` with provenance. One-time setup: see the top of publish.yml.`);
}
