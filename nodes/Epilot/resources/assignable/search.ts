import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from '../../../shared/fieldBuilders';
import { simplified } from '../../../shared/simplify';
import { inputError, isBlank, itemParameter } from '../../../shared/validation';

const show = { resource: ['assignable'], operation: ['search'] };

/**
 * An assignable has up to 12 fields (a partner organization: 7 common ones, partner ID, email,
 * geolocations, phone, activity radius); simplified to what tells who it is.
 */
export const assignableSearchOutput = simplified(
	'type',
	'display_name',
	'user_id',
	'partner_id',
	'group_id',
	'org_id',
	'email',
	'status',
);

export const assignableSearchDescription: INodeProperties[] = [
	{
		displayName: 'Search Text',
		name: 'query',
		type: 'string',
		default: '',
		description: 'Matches name or email. Leave empty to match everything.',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'q' } },
	},
	...returnAllAndLimit(show),
	{
		displayName: 'Offset',
		name: 'offset',
		type: 'number',
		// Sent as `from`, an integer in epilot's spec.
		typeOptions: { minValue: 0, vendorType: 'integer' },
		default: 0,
		description:
			'How many matches to skip, for paging by hand: e.g. 50 with Limit 50 returns matches 51 to 100',
		displayOptions: { show: { ...show, returnAll: [false] } },
		routing: { send: { type: 'body', property: 'from' } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Organization IDs',
				name: 'orgIds',
				type: 'string',
				typeOptions: { multipleValues: true },
				default: [],
				description:
					'Only return assignables of these organizations. Default: yours and all partners.',
				routing: { send: { type: 'body', property: 'org_ids' } },
			},
			{
				displayName: 'Portal Users Entity ID',
				name: 'portalUsersEntityIdScope',
				type: 'string',
				default: '',
				description:
					'Return the portal users linked to this entity instead of placeholders. Required when Types includes Portal User.',
				routing: { send: { type: 'body', property: 'portalUsersEntityIdScope' } },
			},
			{
				displayName: 'Types',
				name: 'types',
				type: 'multiOptions',
				options: [
					{ name: 'Group', value: 'group' },
					{ name: 'Parent Organization User', value: 'parent_organization_user' },
					{ name: 'Partner Organization', value: 'partner_organization' },
					{ name: 'Partner User', value: 'partner_user' },
					{ name: 'Portal User', value: 'ecp' },
					{ name: 'User', value: 'user' },
				],
				default: [],
				description:
					'Which kinds of assignables to return. Default: all but Parent Organization User.',
				routing: { send: { type: 'body', property: 'types' } },
			},
		],
	},
];

/** The API needs an entity scope whenever portal users (ecp) are requested. */
export async function validateAssignableSearch(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const filters = itemParameter(this, 'filters', {}) as {
		types?: string[];
		portalUsersEntityIdScope?: string;
	};
	if (filters.types?.includes('ecp') && isBlank(filters.portalUsersEntityIdScope)) {
		throw inputError(
			this,
			'Portal Users Entity ID',
			'a value is required when Types includes Portal User',
		);
	}
	return options;
}
