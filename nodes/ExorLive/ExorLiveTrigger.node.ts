import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { CREDENTIAL_TYPE } from './client';
import { EXORLIVE_DESCRIPTION } from './summary';
import { triggerProperties } from './trigger/description';
import { receive } from './trigger/receive';
import { forget, isRegistered, register } from './trigger/registration';

export class ExorLiveTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ExorLive Trigger',
		name: 'exorLiveTrigger',
		icon: { light: 'file:../../icons/exorlive.svg', dark: 'file:../../icons/exorlive.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ $parameter["downloadWorkouts"] ? "Workout ready, with PDFs" : "Workout ready" }}',
		// n8n's node panel shows ExorLive and this trigger as one entry, with the trigger's
		// description (its name is the action node's name plus "Trigger"): so it says both.
		description: `${EXORLIVE_DESCRIPTION}; or start a workflow when ExorLive reports workouts ready for export, optionally with their PDFs`,
		defaults: { name: 'ExorLive Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [{ name: 'default', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook' }],
		activationMessage:
			"This workflow's URL is now the organization's ExorLive callback URL, replacing the one set before.",
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await isRegistered(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await register(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return forget(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receive(this);
	}
}
