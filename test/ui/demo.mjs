// The demo video (`npm run test:ui -- --video`), for n8n's reviewers of community nodes: one
// recording of n8n 2.40.7's editor in Debian's Chromium (playwright-core's video recording), in
// which the owner signs in, installs the package through Settings → Community Nodes from a local
// npm registry (verdaccio with the packed build published, as `npm run test:install` does), runs a
// credential's connection test, runs one operation of each node against the sandbox and sees the
// ExorLive Trigger fire: the published exorlive-workout-ready example called back by the
// sandbox's ExorLive, its execution in the workflow's Executions list.
// n8n starts without the package (no custom extensions folder), its installer pointed at the
// local registry; a registry other than npmjs.org is a licensed feature, switched on through
// n8n's E2E test mode (`E2E_TESTS=true`, `PATCH /rest/e2e/feature`). Its user folder is a
// temporary folder outside the checkout (so the installed package finds n8n's n8n-workflow, as in
// a user's install); the sandbox credentials are imported before it starts.
// Playwright encodes the video with an ffmpeg it normally downloads: Debian's ffmpeg is used
// instead (installed with apt-get when missing), linked where playwright-core's registry looks
// for it (`ffmpeg-<revision>/ffmpeg-linux` under PLAYWRIGHT_BROWSERS_PATH, here
// .n8n-runtime/playwright/). The video is .n8n-runtime/demo/<package>-demo.webm (git-ignored);
// every process started is stopped at the end.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	OWNER,
	ROOT,
	RUNTIME,
	N8N_LINE,
	N8N_VERSION,
	ensureN8n,
	freePort,
	n8nCli,
	n8nEnv,
	npm,
	profileDir,
	startN8n,
	waitForN8n,
} from '../../scripts/n8n.mjs';
import { packVersions, startRegistry } from '../../scripts/registry.mjs';
import { aptInstall, ensureChromium, track } from '../../scripts/services.mjs';
import { EPILOT_SEED, EXORLIVE_SEED, startSandbox } from '../sandbox/index.mjs';
import { editor } from './editor.mjs';

const PACKAGE = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const NAME = PACKAGE.name;
const DEMO = path.join(RUNTIME, 'demo');
const VIDEO = path.join(DEMO, `${NAME}-demo.webm`);
const N8N_LOG = path.join(DEMO, 'n8n.log');
/** Where playwright-core looks for its downloads (only ffmpeg is put there). */
const PLAYWRIGHT_DIR = path.join(RUNTIME, 'playwright');
const FFMPEG = '/usr/bin/ffmpeg';
const FFPROBE = '/usr/bin/ffprobe';
/** The license feature a registry other than npmjs.org needs. */
const CUSTOM_REGISTRY_FEATURE = 'feat:communityNodes:customRegistry';
/** Longest wait for one thing in the editor (as in editor.test.mjs). */
const WAIT = 60_000;
/** How long a result stays on screen before the next step (the video stays short). */
const LOOK = 1500;
const SIZE = { width: 1280, height: 800 };

const log = (message) => console.log(`[demo] ${message}`);

/**
 * Debian's ffmpeg (installed when missing), linked where playwright-core expects its own
 * download: `<PLAYWRIGHT_BROWSERS_PATH>/ffmpeg-<revision>/ffmpeg-linux`, the revision from
 * playwright-core's browsers.json. Sets PLAYWRIGHT_BROWSERS_PATH, read when playwright-core is
 * loaded (so it is imported after this).
 */
async function ensureFfmpeg() {
	if (!existsSync(FFMPEG) || !existsSync(FFPROBE)) await aptInstall(['ffmpeg']);
	const browsers = JSON.parse(
		readFileSync(path.join(ROOT, 'node_modules', 'playwright-core', 'browsers.json'), 'utf8'),
	);
	const { revision } = browsers.browsers.find((browser) => browser.name === 'ffmpeg');
	const link = path.join(PLAYWRIGHT_DIR, `ffmpeg-${revision}`, 'ffmpeg-linux');
	mkdirSync(path.dirname(link), { recursive: true });
	rmSync(link, { force: true });
	symlinkSync(FFMPEG, link);
	process.env.PLAYWRIGHT_BROWSERS_PATH = PLAYWRIGHT_DIR;
}

/** Duration in seconds of a media file (ffprobe). */
function duration(file) {
	const probe = spawnSync(
		FFPROBE,
		['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=nw=1:nk=1', file],
		{ encoding: 'utf8' },
	);
	if (probe.status !== 0) throw new Error(`ffprobe ${file}: ${probe.stderr}`);
	return Number(probe.stdout.trim());
}

/** A REST call to n8n as the signed-in owner (`cookie`); returns the answer's `data`. */
async function rest(base, cookie, method, route, body) {
	const res = await fetch(`${base}${route}`, {
		method,
		headers: { cookie, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
		signal: AbortSignal.timeout(120_000),
	});
	const text = await res.text();
	if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${text}`);
	return JSON.parse(text).data;
}

async function login(base) {
	const res = await fetch(`${base}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
	});
	await res.text();
	if (!res.ok) throw new Error(`login answered ${res.status}`);
	return res.headers
		.getSetCookie()
		.map((cookie) => cookie.split(';')[0])
		.join('; ');
}

/** The exorlive-workout-ready example as a user imports it: package type names, sandbox URLs. */
function workoutReadyExample(sandboxOrigin) {
	const text = readFileSync(path.join(ROOT, 'examples', 'exorlive-workout-ready.json'), 'utf8');
	const { name, nodes, connections, settings } = JSON.parse(
		text.split('http://127.0.0.1:4010').join(sandboxOrigin),
	);
	assert.ok(nodes.some((node) => node.type === `${NAME}.exorLiveTrigger`));
	return { name, nodes, connections, settings, active: false };
}

async function main() {
	const started = Date.now();
	const seconds = (since = started) => `${Math.round((Date.now() - since) / 1000)} s`;
	await ensureFfmpeg();
	const { chromium, selectors } = await import('playwright-core');
	selectors.setTestIdAttribute('data-test-id');
	const executablePath = await ensureChromium();
	await ensureN8n();
	rmSync(DEMO, { recursive: true, force: true });
	mkdirSync(DEMO, { recursive: true });

	const cleanups = [];
	const cleanup = async () => {
		for (const step of cleanups.reverse()) await step().catch((error) => console.error(error));
	};
	const temporary = mkdtempSync(path.join(os.tmpdir(), 'n8n-demo-'));
	const untrackTemporary = track({
		kill: () => {},
		cleanup: () => rmSync(temporary, { recursive: true, force: true }),
	});
	cleanups.push(async () => {
		rmSync(temporary, { recursive: true, force: true });
		untrackTemporary();
	});
	let n8n;
	try {
		log('building and packing the package, publishing it to a local registry');
		await npm(['run', 'build', '--silent'], { capture: true });
		const registry = await startRegistry({ own: [NAME] });
		cleanups.push(() => registry.stop());
		const tarballs = await packVersions(ROOT, temporary, [PACKAGE.version]);
		await registry.publish(tarballs[PACKAGE.version]);
		const sandbox = await startSandbox({ port: 0 });
		cleanups.push(() => sandbox.stop());

		// n8n without the package, its installer pointed at the registry (test/install's set-up).
		const userFolder = path.join(temporary, 'n8n');
		mkdirSync(userFolder);
		const env = await n8nEnv({
			profile: 'demo',
			extensions: '',
			port: await freePort(),
			extra: {
				N8N_USER_FOLDER: userFolder,
				N8N_DISABLED_MODULES: N8N_LINE.disabledModules
					.filter((name) => name !== 'community-packages')
					.join(','),
				N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
				N8N_COMMUNITY_PACKAGES_REGISTRY: registry.url,
				E2E_TESTS: 'true',
			},
		});
		delete env.N8N_CUSTOM_EXTENSIONS;
		rmSync(profileDir('demo'), { recursive: true, force: true });
		// The sandbox credentials (their IDs kept), as a user would have created them.
		const credentialsFile = path.join(temporary, 'credentials.json');
		writeFileSync(credentialsFile, JSON.stringify(sandbox.credentials(), null, 2));
		await n8nCli(['import:credentials', `--input=${credentialsFile}`], env);
		n8n = startN8n(env);
		const untrackN8n = track({ kill: () => n8n.child.kill('SIGKILL') });
		cleanups.push(async () => {
			await n8n.stop();
			untrackN8n();
		});
		const base = await waitForN8n(n8n, env, 180_000);
		const feature = await fetch(`${base}/rest/e2e/feature`, {
			method: 'PATCH',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ feature: CUSTOM_REGISTRY_FEATURE, enabled: true }),
		});
		await feature.text();
		assert.equal(feature.status, 200, 'PATCH /rest/e2e/feature');
		const cookie = await login(base);
		log(`n8n ${base}, registry ${registry.url}, sandbox ${sandbox.origin} (after ${seconds()})`);

		const browser = await chromium.launch({
			executablePath,
			headless: true,
			args: ['--no-sandbox'],
		});
		cleanups.push(() => browser.close());
		const context = await browser.newContext({
			viewport: SIZE,
			recordVideo: { dir: path.join(DEMO, 'raw'), size: SIZE },
		});
		const page = await context.newPage();
		page.setDefaultTimeout(WAIT);
		page.setDefaultNavigationTimeout(WAIT);
		const ui = demoEditor(page, base);
		const recordingStarted = Date.now();
		let failure;
		try {
			await record(page, ui, { base, cookie, sandbox });
		} catch (error) {
			failure = error;
			await page
				.screenshot({ path: path.join(DEMO, 'failure.png') })
				.catch((shotError) => console.error(shotError));
			writeFileSync(path.join(DEMO, 'failure.html'), await page.content().catch(() => ''));
		}
		const video = page.video();
		await context.close();
		await video.saveAs(VIDEO);
		await video.delete();
		rmSync(path.join(DEMO, 'raw'), { recursive: true, force: true });
		if (failure) throw failure;
		const length = duration(VIDEO);
		const size = statSync(VIDEO).size;
		log(`recorded ${seconds(recordingStarted)} in the editor; total ${seconds()}`);
		console.log(
			`video: ${path.relative(ROOT, VIDEO)} (${Math.floor(length / 60)}:${String(Math.floor(length % 60)).padStart(2, '0')}, ${length.toFixed(1)} s, ${(size / 1024 / 1024).toFixed(1)} MB)`,
		);
		assert.ok(
			length > 10 && length < 300,
			`the video lasts ${length} s; it must be under 5 minutes`,
		);
	} finally {
		await cleanup();
		if (n8n) writeFileSync(N8N_LOG, n8n.output);
	}
}

/** The recorded steps. */
async function record(page, ui, { base, cookie, sandbox }) {
	await ui.step(`Sign in to n8n ${N8N_VERSION} (without the package)`);
	await page.goto(`${base}/signin`);
	await ui.caption();
	await page.locator('input[name="emailOrLdapLoginId"]').fill(OWNER.email);
	await page.locator('input[type="password"]').fill(OWNER.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));

	await ui.step(`Settings → Community Nodes → Install ${NAME}`);
	await page.goto(`${base}/settings/community-nodes`);
	await ui.caption();
	await page
		.getByRole('button', { name: /install/i })
		.first()
		.click();
	await page
		.locator('input[data-test-id="package-name-input"], [data-test-id="package-name-input"] input')
		.first()
		.fill(NAME);
	await page.getByTestId('user-agreement-checkbox').click();
	await page.waitForTimeout(LOOK);
	await page.getByTestId('install-community-package-button').click();
	const card = page.getByTestId('community-package-card').filter({ hasText: NAME });
	await card.waitFor({ timeout: 180_000 });
	await page.waitForTimeout(LOOK);

	await ui.step('Credentials: Epilot (sandbox) → connection test');
	await page.goto(`${base}/home/credentials/sandboxEpilot001`);
	await ui.caption();
	const dialog = page.getByTestId('credential-edit-dialog');
	await dialog.waitFor();
	// n8n tests a saved credential when it is opened; Retry runs the test again.
	const tested = dialog.getByText('Connection tested successfully');
	await tested.waitFor();
	await page.waitForTimeout(LOOK);
	const before = sandbox.requests.filter((r) => r.vendor === 'epilot').length;
	await dialog.getByRole('button', { name: 'Retry' }).click();
	await until(
		() => sandbox.requests.filter((r) => r.vendor === 'epilot').length > before,
		'the connection test called the sandbox',
	);
	await tested.waitFor();
	await page.waitForTimeout(LOOK);
	await page.keyboard.press('Escape');

	await ui.step('Epilot: Partner Role → Get Many (organization Sonnenschein Solar, 200001)');
	await ui.newWorkflow();
	await ui.addAction('partner', 'Epilot', 'Get many partner users');
	await ui.credential('sandboxEpilot001', 'Epilot (sandbox)');
	await ui.choose('resource', 'Partner Role');
	await ui.choose('operation', 'Get Many');
	await page.getByTestId('parameter-input-orgId').click();
	await page.getByTestId('rlc-item').filter({ hasText: 'Sonnenschein Solar' }).click();
	const roles = await ui.execute();
	for (const role of EPILOT_SEED.roles) assert.match(roles, new RegExp(role));
	await page.waitForTimeout(LOOK);

	await ui.step('Exolink: Product → Get (picked from the list loaded from Exolink)');
	await ui.newWorkflow();
	await ui.addAction('charger', 'Exolink', 'Get a product');
	await ui.credential('sandboxExolink001', 'Exolink (sandbox)');
	await page.getByTestId('parameter-input-productId').click();
	await page.getByTestId('rlc-item').filter({ hasText: 'Connect Pro' }).click();
	assert.match(await ui.execute(), /connect_pro/);
	await page.waitForTimeout(LOOK);

	await ui.step('ExorLive: User → Look Up (by email)');
	await ui.newWorkflow();
	await ui.addAction('workout', 'ExorLive', 'Look up users');
	await ui.credential('sandboxExorLive1', 'ExorLive (sandbox)');
	await ui.fill('actAsUserId', String(EXORLIVE_SEED.customers[0].adminUserId));
	await ui.choose('type', 'Email');
	await ui.fill('text', EXORLIVE_SEED.contactEmail);
	assert.match(await ui.execute(), new RegExp(String(EXORLIVE_SEED.contactId)));
	await page.waitForTimeout(LOOK);

	await ui.step('ExorLive Trigger: the workout-ready example, published');
	const workflow = await rest(
		base,
		cookie,
		'POST',
		'/rest/workflows',
		workoutReadyExample(sandbox.origin),
	);
	await rest(base, cookie, 'POST', `/rest/workflows/${workflow.id}/activate`, {
		versionId: workflow.versionId,
	});
	await page.goto(`${base}/workflow/${workflow.id}`);
	await ui.caption();
	await page.getByTestId('canvas-node').first().waitFor();
	await page.getByTestId('zoom-to-fit').click();
	await page.waitForTimeout(LOOK);

	await ui.step('ExorLive calls the trigger back: a workout is ready → a new execution');
	const fired = await fetch(
		`${sandbox.origin}/_sandbox/exorlive/workoutReady?userId=${EXORLIVE_SEED.contactId}&workouts=1`,
		{ method: 'POST', signal: AbortSignal.timeout(60_000) },
	);
	const answer = await fired.json();
	assert.equal(answer.status, 200, JSON.stringify(answer));
	await page.getByTestId('radio-button-executions').click();
	const execution = page
		.getByTestId('executions-sidebar')
		.locator('[data-test-id^="execution-details-"]');
	// The list refreshes itself: the run appears, then finishes.
	await execution.filter({ hasText: 'Succeeded' }).first().click();
	// The run's preview: its status, each node with its items.
	await page.getByTestId('execution-preview-label').filter({ hasText: 'Succeeded' }).waitFor();
	await page
		.getByTestId('canvas-node')
		.filter({ hasText: 'Acknowledge Workout' })
		.first()
		.waitFor();
	await page.waitForTimeout(3 * LOOK);
	assert.ok(sandbox.inbox.length > 0, 'the workflow forwarded the ready workouts');
}

/** Polls `check` every 200 ms until it is true; fails after WAIT. */
async function until(check, what) {
	const deadline = Date.now() + WAIT;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`not within ${WAIT / 1000} s: ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/**
 * The browser test's editor steps (editor.mjs), with a caption per step, and the node panel of
 * an installed community package: its node opens n8n's node details (its triggers and actions,
 * folded, no search bar) instead of the actions search of a custom extension's node.
 */
function demoEditor(page, origin) {
	const started = Date.now();
	let title = '';
	const base = editor(page, origin);
	return {
		...base,
		/** Names the step in the log and in a caption on the page. */
		async step(text) {
			title = text;
			log(`${Math.round((Date.now() - started) / 1000)} s: ${text}`);
			await this.caption();
		},
		/** Shows the step's caption at the bottom of the page (again after a page load). */
		async caption() {
			await page
				.evaluate((text) => {
					let box = document.getElementById('demo-caption');
					if (!box) {
						box = document.createElement('div');
						box.id = 'demo-caption';
						box.style.cssText =
							'position:fixed;left:50%;bottom:12px;transform:translateX(-50%);z-index:99999;' +
							'pointer-events:none;padding:6px 14px;border-radius:6px;font:600 15px sans-serif;' +
							'background:rgba(20,20,30,.85);color:#fff;max-width:90%;text-align:center';
						document.body.appendChild(box);
					}
					box.textContent = text;
					box.style.display = text ? 'block' : 'none';
				}, title)
				.catch(() => {});
		},
		async newWorkflow() {
			await base.newWorkflow();
			await this.caption();
		},
		async addAction(word, node, action) {
			await page.getByTestId('node-creator-plus-button').click();
			await page.getByTestId('node-creator-search-bar').fill(word);
			await this.item(node).click();
			const actions = page
				.getByTestId('node-creator-category-item')
				.filter({ hasText: /^\s*Actions/ });
			await actions.waitFor();
			const item = page.getByTestId('item-iterator-item').filter({ hasText: action }).first();
			if (!(await item.isVisible())) await actions.click();
			await item.click();
			await page.getByTestId('ndv').waitFor();
		},
	};
}

await main();
