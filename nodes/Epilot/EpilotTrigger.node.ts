import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';
import { pollUsers } from '../shared/userWatch';
import { CREDENTIAL_TYPE } from './epilotOperation';
import { getPartnerOrganizations } from './listSearch';
import { epilotTriggerProperties } from './trigger/description';
import { partnerUserWatch } from './trigger/userEvents';

export class EpilotTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Epilot Trigger',
		name: 'epilotTrigger',
		icon: { light: 'file:../../icons/epilot.svg', dark: 'file:../../icons/epilot.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "Partner users: " + $parameter["events"].length + " event(s)" }}',
		// n8n's node panel shows Epilot and this trigger as one entry, with the trigger's
		// description: so it says both.
		description:
			'Manage epilot partners, their users and roles; or start a workflow when a partner user is added, activates (accepts the invitation), gets other roles or is removed',
		defaults: { name: 'Epilot Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: epilotTriggerProperties,
	};

	methods = { loadOptions: { getPartnerOrganizations } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollUsers(this, partnerUserWatch);
	}
}
