// The nodes in n8n's editor, driven in Debian's Chromium (playwright-core) the way a no-code
// builder uses them: the set-up of `npm run dev` (sandbox, n8n with the package, the sandbox
// credentials and the examples) in a profile of its own (`ui`, on free ports, fresh data), so a
// developer's running `npm run dev` is never touched. Every step leaves a screenshot in
// .n8n-runtime/ui-screenshots/; five of them are the README's pictures (docs/images/:
// search-invite, epilot-roles-output, exolink-input-error, epilot-trigger-test-event,
// example-workflow).
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { chromium, selectors } from 'playwright-core';
import { startDev } from '../../scripts/dev.mjs';
import { OWNER, RUNTIME } from '../../scripts/n8n.mjs';
import { ensureChromium } from '../../scripts/services.mjs';
import { editor } from './editor.mjs';
import { EPILOT_SEED, EXOLINK_SEED, EXORLIVE_SEED } from '../sandbox/index.mjs';

const SCREENSHOTS = path.join(RUNTIME, 'ui-screenshots');
const N8N_LOG = path.join(RUNTIME, 'ui-n8n.log');
/** Longest wait for one thing in the editor; a run against the sandbox takes a few seconds, but
 * a 2-core machine under CI load has needed close to 30 s. */
const WAIT = 60_000;

selectors.setTestIdAttribute('data-test-id');

test('the nodes in n8n’s editor', { timeout: 20 * 60_000 }, async (t) => {
	const executablePath = await ensureChromium();
	rmSync(SCREENSHOTS, { recursive: true, force: true });
	mkdirSync(SCREENSHOTS, { recursive: true });
	let n8nLog = '';
	const dev = await startDev({
		profile: 'ui',
		n8nPort: 0,
		sandboxPort: 0,
		fresh: true,
		onLine: (name, line) => (n8nLog += `[${name}] ${line}\n`),
	});
	let browser;
	try {
		browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
		const page = await context.newPage();
		page.setDefaultTimeout(WAIT);
		page.setDefaultNavigationTimeout(WAIT);
		let shots = 0;
		const ui = {
			...editor(page, dev.editor),
			async shot(name) {
				shots += 1;
				await page.screenshot({
					path: path.join(SCREENSHOTS, `${String(shots).padStart(2, '0')}-${name}.png`),
				});
			},
		};

		await t.test('signs in as the owner', async () => {
			await page.goto(`${dev.editor}/signin`);
			await page.locator('input[name="emailOrLdapLoginId"]').fill(OWNER.email);
			await page.locator('input[type="password"]').fill(OWNER.password);
			await ui.shot('sign-in');
			await page.getByTestId('form-submit-button').click();
			await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
		});

		await t.test('the node panel finds each node by a task word', async () => {
			await ui.newWorkflow();
			await page.getByTestId('node-creator-plus-button').click();
			const search = page.getByTestId('node-creator-search-bar');
			const found = {};
			const first = { invite: 'Epilot', tenant: 'Exolink', workout: 'ExorLive', partner: 'Epilot' };
			for (const [word, node] of Object.entries(first)) {
				// From n8n's own trigger list to the results (which follow the typing after a
				// debounce), so no result of the word before is read.
				await search.fill('');
				await page.getByText('Trigger manually').waitFor();
				await search.fill(word);
				await ui.item(node).waitFor();
				await page.getByText('Trigger manually').waitFor({ state: 'detached' });
				found[word] = await page.getByTestId('node-creator-item-name').allInnerTexts();
				await ui.shot(`search-${word}`);
			}
			assert.deepEqual(found.invite.sort(), ['Epilot', 'Exolink', 'ExorLive']);
			assert.deepEqual(found.tenant, ['Exolink']);
			assert.deepEqual(found.workout, ['ExorLive']);
			assert.deepEqual(found.partner.sort(), ['Epilot', 'ExorLive']);
			// ExorLive's entry holds the trigger too (n8n names it after the event).
			await search.fill('workout');
			await ui.item('ExorLive').click();
			await page.getByText('On new ExorLive event').waitFor();
			await ui.shot('exorlive-trigger-and-actions');
			await page.keyboard.press('Escape');
		});

		await t.test('Exolink: a product picked from the sandbox’s list', async () => {
			await ui.newWorkflow();
			await ui.addAction('charger', 'Exolink', 'Get a product');
			await ui.credential('sandboxExolink001', 'Exolink (sandbox)');
			// The list is loaded from the sandbox (listSearch).
			await page.getByTestId('parameter-input-productId').click();
			await page.getByTestId('rlc-item').first().waitFor();
			assert.deepEqual(await page.getByTestId('rlc-item').allInnerTexts(), [
				'Connect Basic',
				'Connect Pro',
				'Connect Legacy',
			]);
			await ui.shot('exolink-product-list');
			await page.getByTestId('rlc-item').filter({ hasText: 'Connect Pro' }).click();
			const table = await ui.execute();
			await ui.shot('exolink-product-output');
			assert.match(table, /connect_pro/);
			assert.match(table, /Connect Pro/);
			assert.match(table, /9900/);
		});

		await t.test(
			'Exolink: an invalid email is the node’s own error, naming the field',
			async () => {
				await ui.newWorkflow();
				await ui.addAction('invite', 'Exolink', 'Invite a new user');
				await ui.credential('sandboxExolink001', 'Exolink (sandbox)');
				await ui.fill('tenant', EXOLINK_SEED.tenant);
				await ui.fill('email', 'not-an-email');
				await ui.choose('role', 'Viewer');
				const error = await ui.executeToError();
				await ui.shot('exolink-input-error');
				assert.equal(error.message, 'Email: "not-an-email" is not a valid email address');
				assert.doesNotMatch(error.panel, /From Exolink/);
				assert.doesNotMatch(error.panel, /Error code/);
			},
		);

		await t.test('Exolink: a vendor error shows its HTTP status as the code', async () => {
			// Same node, other values: the sandbox answers 404 for the tenant `error-404`.
			await ui.fill('tenant', 'error-404');
			await ui.fill('email', 'new.user@example.com');
			const error = await ui.executeToError();
			await ui.shot('exolink-vendor-error');
			assert.match(error.message, /HTTP 404/);
			assert.match(error.details, /Error code\s*404/);
		});

		await t.test(
			'Epilot: roles of a partner organization picked from the sandbox’s list',
			async () => {
				await ui.newWorkflow();
				await ui.addAction('partner', 'Epilot', 'Get many partner users');
				await ui.credential('sandboxEpilot001', 'Epilot (sandbox)');
				await ui.choose('resource', 'Partner Role');
				await ui.choose('operation', 'Get Many');
				await page.getByTestId('parameter-input-orgId').click();
				const organization = page.getByTestId('rlc-item').filter({ hasText: 'Sonnenschein Solar' });
				await organization.waitFor();
				await ui.shot('epilot-organization-list');
				await organization.click();
				const table = await ui.execute();
				await ui.shot('epilot-roles-output');
				for (const role of EPILOT_SEED.roles) assert.match(table, new RegExp(role));
				assert.match(table, /Partner Sales/);
				assert.match(table, /Partner Viewer/);
			},
		);

		await t.test('ExorLive: a user looked up by email, codes with their names', async () => {
			await ui.newWorkflow();
			await ui.addAction('workout', 'ExorLive', 'Look up users');
			await ui.credential('sandboxExorLive1', 'ExorLive (sandbox)');
			const customer = EXORLIVE_SEED.customers[0];
			await ui.fill('actAsUserId', String(customer.adminUserId));
			await ui.choose('type', 'Email');
			await ui.fill('text', EXORLIVE_SEED.contactEmail);
			const table = await ui.execute();
			await ui.shot('exorlive-lookup-output');
			assert.match(table, new RegExp(String(EXORLIVE_SEED.contactId)));
			assert.match(table, /Kari/);
			assert.match(table, /Contact With Login/);
		});

		await t.test('ExorLive: a vendor error shows its HTTP status as the code', async () => {
			await ui.fill('text', 'error-403');
			const error = await ui.executeToError();
			await ui.shot('exorlive-vendor-error');
			assert.match(error.message, /HTTP 403/);
			assert.match(error.details, /Error code\s*403/);
		});

		await t.test(
			'ExorLive: an invalid email is the node’s own error, naming the field',
			async () => {
				// Same node: another operation, picked in its dropdown.
				await ui.choose('operation', 'Create or Update');
				await ui.choose('mode', 'Create a New User');
				await page
					.getByTestId('parameter-input-additionalFields')
					.or(page.getByTestId('collection-parameter-add'))
					.first()
					.click();
				await page
					.locator('.el-select-dropdown__item:visible, [role="option"]:visible')
					.filter({ hasText: /^Email$/ })
					.click();
				await ui.fill('email', 'not-an-email');
				const error = await ui.executeToError();
				await ui.shot('exorlive-input-error');
				assert.match(error.message, /Email.*"not-an-email" is not a valid email address/);
				assert.doesNotMatch(error.panel, /From ExorLive/);
				assert.doesNotMatch(error.panel, /Error code/);
			},
		);

		await t.test(
			'Epilot Trigger: Fetch Test Event shows the newest user of the chosen organization',
			async () => {
				await ui.newWorkflow();
				await page.getByTestId('node-creator-plus-button').click();
				// n8n lists the trigger's events (its Events option names) under the node's entry.
				await page.getByTestId('node-creator-search-bar').fill('activated');
				await ui.item('Epilot').click();
				await page.getByText('On partner user activated').click();
				await page.getByTestId('ndv').waitFor();
				await ui.credential('sandboxEpilot001', 'Epilot (sandbox)');
				// The organizations are loaded from the sandbox (the assignable search).
				await ui.chooseMany('orgIds', 'Sonnenschein Solar GmbH');
				const table = await ui.execute();
				await ui.shot('epilot-trigger-test-event');
				assert.match(table, /partnerUserActivated/);
				assert.match(table, /petra@sonnenschein-solar\.example/);
			},
		);

		await t.test('an example workflow on the canvas', async () => {
			await page.goto(`${dev.editor}/workflow/epilotOnboarding`);
			await page.getByTestId('canvas-node').first().waitFor();
			await page.getByTestId('zoom-to-fit').click();
			await page.waitForTimeout(500); // the zoom animates
			await ui.shot('example-workflow');
			assert.ok((await page.getByTestId('canvas-node').count()) >= 3);
		});
	} finally {
		await browser?.close();
		await dev.stop();
		writeFileSync(N8N_LOG, n8nLog);
		console.log(`screenshots: ${SCREENSHOTS}\nn8n output: ${N8N_LOG}`);
	}
});
