import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { inputError, isBlank, itemParameter } from '../../../shared/validation';
import { assignableSearchOutput } from './search';

/** The same assignables as Search answers with, simplified the same way. */
export const assignableBatchGetOutput = assignableSearchOutput;

export const assignableBatchGetDescription: INodeProperties[] = [
	{
		displayName: 'Assignables',
		name: 'assignables',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Assignable',
		default: { assignable: [{ userId: '', groupId: '', orgId: '' }] },
		description: 'The users or groups to get. Give a user ID or a group ID in each entry.',
		displayOptions: { show: { resource: ['assignable'], operation: ['batchGet'] } },
		options: [
			{
				displayName: 'Assignable',
				name: 'assignable',
				values: [
					{
						displayName: 'User ID',
						name: 'userId',
						type: 'string',
						default: '',
						description: 'ID of a user to fetch; give either User ID or Group ID',
					},
					{
						displayName: 'Group ID',
						name: 'groupId',
						type: 'string',
						default: '',
						description: 'ID of a user group to fetch; give either User ID or Group ID',
					},
					{
						displayName: 'Organization ID',
						name: 'orgId',
						type: 'string',
						default: '',
						description: 'Organization of the user or group. Default: yours.',
					},
				],
			},
		],
	},
];

/** The body is a bare JSON array, which `send` cannot build; each entry names a user or a group. */
export async function buildBatchGetBody(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const entries =
		(itemParameter(this, 'assignables', {}) as { assignable?: IDataObject[] }).assignable ?? [];
	if (!entries.length) throw inputError(this, 'Assignables', 'add at least one entry');
	const body = entries.map((entry, index) => {
		const userId = String(entry.userId ?? '').trim();
		const groupId = String(entry.groupId ?? '').trim();
		const orgId = String(entry.orgId ?? '').trim();
		if (isBlank(userId) === isBlank(groupId)) {
			throw inputError(
				this,
				`Assignables, entry ${index + 1}`,
				'give either a User ID or a Group ID (exactly one)',
			);
		}
		return {
			...(userId ? { user_id: userId } : {}),
			...(groupId ? { group_id: groupId } : {}),
			...(orgId ? { org_id: orgId } : {}),
		};
	});
	return { ...options, body };
}
