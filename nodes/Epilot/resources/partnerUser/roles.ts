import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
	PostReceiveAction,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { vendorMessage } from '../../../shared/errors';
import { inputError, itemParameter, toStringList } from '../../../shared/validation';
import { roleIdsField } from '../../epilotFields';

const show = { resource: ['partnerUser'], operation: ['assignRoles', 'unassignRoles'] };

/** Fields of Assign Roles and Unassign Roles (same body, same per-role answer). */
export const partnerUserRolesDescription: INodeProperties[] = [
	roleIdsField(show, { required: true }),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Ignore Role Failures',
				name: 'ignoreRoleFailures',
				type: 'boolean',
				default: false,
				description:
					'Whether to output the per-role results even when some roles failed, instead of failing the item. Check each result\'s "success" field yourself then.',
			},
		],
	},
];

export async function sendRoleIds(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const roleIds = toStringList(this, 'Role Names or IDs', itemParameter(this, 'roleIds', []));
	if (!roleIds.length) throw inputError(this, 'Role Names or IDs', 'choose at least one role');
	return { ...options, body: { roleIds } };
}

/**
 * epilot answers 200 even when single roles fail and reports each role's `success`; a partial
 * failure must not look like success, so it fails the item (with the vendor's reasons).
 */
export function checkRoleResults(verb: 'assigned' | 'unassigned'): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
		const { ignoreRoleFailures } = itemParameter(this, 'options', {}) as IDataObject;
		if (ignoreRoleFailures) return items;
		const results = ((items[0]?.json.results as IDataObject[] | undefined) ?? []).filter(
			(result) => result.success === false,
		);
		if (!results.length) return items;
		const reasons = results
			.map(
				(result) => `${String(result.roleId)}: ${vendorMessage(result.error) ?? 'no reason given'}`,
			)
			.join('; ');
		const total = (items[0]?.json.results as IDataObject[]).length;
		throw new NodeApiError(this.getNode(), items[0].json as JsonObject, {
			message: `${results.length} of ${total} roles could not be ${verb}`,
			description: `${reasons}. Turn on Ignore Role Failures to output the per-role results instead.`,
			httpCode: '200',
			itemIndex: this.getItemIndex(),
		});
	};
}
