import type { INodeProperties } from 'n8n-workflow';
import { operationProperty } from '../../../shared/operation';
import { partnerIdField } from '../../epilotFields';
import { epilotOperation } from '../../epilotOperation';
import { noContent } from '../../../shared/output';
import { partnerInviteDescription } from './invite';
import { partnerTokenDescription } from './token';
import { partnerActivateDescription } from './activate';
import { partnerOutput } from './record';
import { withOutputFields } from '../../../shared/simplify';

export const partnerDescription: INodeProperties[] = withOutputFields([
	operationProperty('partner', 'invite', [
		epilotOperation({
			name: 'Activate',
			value: 'activate',
			action: 'Activate a partner with an invitation token',
			description:
				'Complete a partner invitation: link the invited partner to its epilot organization (public endpoint, no token needed)',
			method: 'POST',
			path: '/v1/partner-directory/public/activate',
			postReceive: [noContent({ activated: true })],
		}),
		epilotOperation({
			name: 'Approve',
			value: 'approve',
			action: 'Approve a partner request',
			description: 'Approve a pending request of a partner who asked to join',
			method: 'POST',
			path: '/v1/partners/{partnerId}/approve',
			output: partnerOutput,
		}),
		epilotOperation({
			name: 'Get by Invitation Token',
			value: 'getByToken',
			action: 'Get a partner by invitation token',
			description:
				'Look up the partner an invitation token belongs to (public endpoint, no token needed)',
			method: 'GET',
			path: '/v1/partner-directory/public/getPartnerByToken',
			output: partnerOutput,
		}),
		epilotOperation({
			name: 'Invite',
			value: 'invite',
			action: 'Invite a partner',
			description:
				'Send (or send again) the invitation email to a partner record created in epilot',
			method: 'POST',
			path: '/v2/partners/{partnerId}/invite',
			output: partnerOutput,
		}),
		epilotOperation({
			name: 'Reject',
			value: 'reject',
			action: 'Reject a partner request',
			description: 'Reject a pending request of a partner who asked to join',
			method: 'POST',
			path: '/v1/partners/{partnerId}/reject',
			output: partnerOutput,
		}),
	]),
	// Approve, Reject and Invite act on a partner record by its UUID.
	partnerIdField({ resource: ['partner'], operation: ['approve', 'reject', 'invite'] }),
	...partnerInviteDescription,
	...partnerTokenDescription,
	...partnerActivateDescription,
]);
