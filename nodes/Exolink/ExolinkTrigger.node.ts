import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';
import { pollUsers } from '../shared/userWatch';
import { CREDENTIAL_TYPE } from './exolinkOperation';
import { exolinkTriggerProperties } from './trigger/description';
import { tenantUserWatch } from './trigger/userEvents';

export class ExolinkTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Exolink Trigger',
		name: 'exolinkTrigger',
		icon: { light: 'file:../../icons/exolink.svg', dark: 'file:../../icons/exolink.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "Tenant users: " + $parameter["tenants"] }}',
		// n8n's node panel shows Exolink and this trigger as one entry, with the trigger's
		// description: so it says both.
		description:
			'Manage Exolink tenants, their users, roles and invitations; or start a workflow when a tenant user appears (e.g. accepts an invitation), gets another role or is removed',
		defaults: { name: 'Exolink Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: exolinkTriggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollUsers(this, tenantUserWatch);
	}
}
