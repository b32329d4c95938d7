import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/**
 * The node's own error (bad input found before sending, a setup or answer it cannot go on from),
 * shown as a NodeOperationError: no HTTP code, no "From <vendor>" details. Relies on n8n-core
 * execution-engine/routing-node.js `runNode`: an error a preSend, postReceive or paging hook
 * throws becomes a NodeApiError with httpCode "none", unless it is a NodeApiError already. So
 * this is a NodeApiError underneath, named NodeOperationError and without `httpCode`.
 */
export class InputError extends NodeApiError {
	constructor(node: INode, message: string, options: { itemIndex?: number; description?: string }) {
		super(node, {} as JsonObject, {
			message,
			description: options.description,
			itemIndex: options.itemIndex,
			level: 'warning',
		});
		this.name = 'NodeOperationError';
		this.description = options.description;
		Reflect.deleteProperty(this, 'httpCode');
	}
}
