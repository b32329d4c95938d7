import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { vendorError } from '../../../shared/errors';
import type { ExorLiveOperation } from '../../operationSpecs';
import { recordsIn } from '../../client';
import { withCodeNames } from './namedCodes';

/** LookupUser: also used by Create or Update to find a user it created. */
export const LOOKUP_PATH = '/api4/user/lookupuser';

/**
 * One item per user found. "Not found" is not documented: an empty answer, null and HTTP 404
 * are all taken as no match, which outputs nothing or a `{ found: false }` item.
 */
async function lookupOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode >= 400 && response.statusCode !== 404) {
		throw vendorError(this, response, this.getItemIndex());
	}
	const users = response.statusCode === 404 ? [] : recordsIn(response.body);
	if (users.length) return users.map((user) => ({ json: withCodeNames(user) }));
	if (this.getNodeParameter('whenNotFound', 'nothing') !== 'item') return [];
	return [
		{
			json: {
				found: false,
				type: this.getNodeParameter('type') as string,
				text: this.getNodeParameter('text') as string,
			},
		},
	];
}

export const lookupUser: ExorLiveOperation = {
	name: 'Lookup',
	value: 'lookup',
	action: 'Look up users by email, ID, name, custom ID or official ID',
	description:
		'Find users of the organization you act in (contacts, instructors, administrators). Outputs one item per user found.',
	path: LOOKUP_PATH,
	fields: [
		{
			name: 'type',
			label: 'Search By',
			type: 'options',
			required: true,
			options: [
				{ name: 'Custom ID', value: 'customid', description: 'Your own ID for the person' },
				{ name: 'Email', value: 'email' },
				{ name: 'ID', value: 'id', description: 'ExorLive user ID' },
				{ name: 'Name', value: 'name' },
				{ name: 'Official ID', value: 'officialid', description: 'National ID number' },
			],
			default: 'email',
			description:
				'Which kind of value Search Text holds. As an expression or from an AI tool: email, id (ExorLive user ID), name, customid (your own ID for the person) or officialid (national ID number).',
			send: { in: 'query', property: 'type' },
		},
		{
			name: 'text',
			label: 'Search Text',
			type: 'string',
			required: true,
			send: { in: 'query', property: 'text' },
			placeholder: 'e.g. name@email.com',
			description:
				'The email, ExorLive user ID, name, custom ID or official ID to look for, as chosen in Search By',
		},
		{
			name: 'whenNotFound',
			label: 'When Not Found',
			type: 'options',
			required: true,
			options: [
				{ name: 'Output Nothing', value: 'nothing' },
				{
					name: 'Output a Not-Found Item',
					value: 'item',
					description:
						'Output { found: false, type, text } so a following IF node can create the user',
				},
			],
			default: 'nothing',
		},
	],
	checksStatus: true,
	output: [lookupOutput],
};
