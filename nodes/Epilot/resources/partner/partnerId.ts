import type { INodeProperties } from 'n8n-workflow';
import { partnerIdField } from '../../shared';

/** Approve, Reject and Invite act on a partner record by its UUID. */
export const partnerIdFields: INodeProperties[] = [
	partnerIdField({ resource: ['partner'], operation: ['approve', 'reject', 'invite'] }),
];
