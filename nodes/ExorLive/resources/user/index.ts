import type { INodeProperties } from 'n8n-workflow';
import { operationProperty } from '../../../shared/operation';
import { toItems } from '../../client';
import { actAsField } from '../../exorLiveFields';
import { exorLiveOperation } from '../../exorLiveOperation';
import { savedUserOutput, userCreateOrUpdateDescription } from './createOrUpdate';
import { userSetEventCallbackUrlDescription } from './eventCallbackUrl';
import { LOOKUP_PATH, lookupOutput, userLookupDescription, userLookupOutput } from './lookup';
import { withOutputFields } from '../../../shared/simplify';

export const userDescription: INodeProperties[] = withOutputFields([
	operationProperty('user', 'lookup', [
		exorLiveOperation({
			name: 'Create or Update',
			value: 'createOrUpdate',
			action: 'Create or update a user',
			description:
				"Create a user or update one (SetUser) in the organization you act in, as chosen in Create or Update (by default User ID 0 creates). Fields left out keep their old values. The output always carries the user's ID: ExorLive does not document SetUser's answer, so after a create without one the node looks the new user up by Email, Custom ID or Official ID.",
			method: 'POST',
			path: '/api4/user/setuser',
			actAs: 'optional',
			postReceive: [savedUserOutput],
		}),
		exorLiveOperation({
			name: 'Lookup',
			value: 'lookup',
			action: 'Look up users by email, ID, name, custom ID or official ID',
			description:
				'Find users of the organization you act in (contacts, instructors, administrators). Outputs one item per user found.',
			path: LOOKUP_PATH,
			actAs: 'optional',
			checksStatus: true,
			postReceive: [lookupOutput],
			output: userLookupOutput,
		}),
		exorLiveOperation({
			name: 'Set Event Callback URL',
			value: 'setEventCallbackUrl',
			action: 'Set the event callback URL of an organization',
			description:
				'Register the URL ExorLive calls (GET, with event and userId added) when events such as workoutReady happen in the organization you act in',
			path: '/api4/user/SetEventCallbackUrl',
			actAs: 'optional',
			postReceive: [toItems({ success: true })],
		}),
	]),
	actAsField(
		{ resource: ['user'], operation: ['lookup', 'createOrUpdate', 'setEventCallbackUrl'] },
		false,
	),
	...userLookupDescription,
	...userCreateOrUpdateDescription,
	...userSetEventCallbackUrlDescription,
]);
