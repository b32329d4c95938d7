// Steps in n8n's editor for the browser test (editor.test.mjs) and the demo recording (demo.mjs),
// with the selectors n8n's own tests use (data-test-id).
import assert from 'node:assert/strict';

/** Steps in the editor, with the selectors n8n's own tests use (data-test-id). */
export function editor(page, origin) {
	const option = (text) =>
		page
			.locator('.el-select-dropdown__item:visible, [role="option"]:visible')
			.filter({ hasText: text })
			.first();
	const outputPanel = page.getByTestId('output-panel');
	return {
		async newWorkflow() {
			await page.goto(`${origin}/workflow/new`);
			await page.getByTestId('node-creator-plus-button').waitFor();
		},
		item: (name) =>
			page.getByTestId('node-creator-item-name').filter({ hasText: new RegExp(`^${name}$`) }),
		/** Searches the node panel for `word`, opens `node` and adds its action `action`. */
		async addAction(word, node, action) {
			await page.getByTestId('node-creator-plus-button').click();
			await page.getByTestId('node-creator-search-bar').fill(word);
			await this.item(node).click();
			await page.getByTestId('node-creator-search-bar').fill(action);
			await page.getByTestId('item-iterator-item').filter({ hasText: action }).first().click();
			await page.getByTestId('ndv').waitFor();
		},
		async credential(id, name) {
			await page.getByTestId('node-credentials-select').click();
			await page.getByTestId(`node-credentials-select-item-${id}`).click();
			assert.equal(
				await page.getByTestId('node-credentials-select').locator('input').inputValue(),
				name,
			);
		},
		async choose(parameter, text) {
			await page.getByTestId(`parameter-input-${parameter}`).click();
			await option(text).click();
		},
		/** Adds `text` to a multi-select, whose list opens from its input. */
		async chooseMany(parameter, text) {
			await page.getByTestId(`parameter-input-${parameter}`).locator('input').first().click();
			await option(text).click();
			await page.keyboard.press('Escape');
		},
		async fill(parameter, value) {
			await page
				.getByTestId(`parameter-input-${parameter}`)
				.locator('input, textarea')
				.first()
				.fill(value);
		},
		/** Runs the open node; returns its output table's text. */
		async execute() {
			await page.getByTestId('node-execute-button').click();
			const table = outputPanel.locator('table');
			await table.or(outputPanel.getByTestId('node-error-message')).first().waitFor();
			if (!(await table.count())) {
				throw new Error(`the node failed:\n${await outputPanel.innerText()}`);
			}
			return table.innerText();
		},
		/** Runs the open node, which must fail; returns the error panel's texts, all unfolded. */
		async executeToError() {
			const message = outputPanel.getByTestId('node-error-message');
			const before = (await message.count()) ? await message.innerText() : undefined;
			await page.getByTestId('node-execute-button').click();
			await (before === undefined ? message : message.filter({ hasNotText: before })).waitFor();
			// The vendor's details ("From <node>", with the error code) are folded.
			const from = outputPanel.locator('details', {
				has: page.locator('summary', { hasText: /From / }),
			});
			if (await from.count()) await from.locator('summary').click();
			return {
				message: (await message.innerText()).trim(),
				details: (await from.count()) ? await from.innerText() : '',
				panel: await outputPanel.innerText(),
			};
		},
	};
}
