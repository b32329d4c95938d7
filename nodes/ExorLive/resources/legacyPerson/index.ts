import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { operationProperty } from '../../../shared/operation';
import { scalarIn, toItems, toValue, unexpectedAnswer } from '../../client';
import { actAsField, exorLiveField } from '../../exorLiveFields';
import { exorLiveOperation, LEGACY, UNDOCUMENTED_ANSWER, v1 } from '../../exorLiveOperation';
import { legacyPersonCreateOrUpdateDescription } from './createOrUpdate';
import { legacyPersonGetAllDescription } from './getAll';
import { legacyPersonGetOutput } from './get';
import { withOutputFields } from '../../../shared/simplify';
import { itemParameter } from '../../../shared/validation';

/** `d.Data` is the user id, or 0 when no person has the custom id. */
async function resolvedUser(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const userId = Number(scalarIn(response.body, ['userId', 'id']) ?? 0);
	if (!Number.isFinite(userId)) throw unexpectedAnswer(this, 'user ID', response);
	const text = String(itemParameter(this, 'customId')).trim();
	return [{ json: { customId: text, userId, found: userId > 0 } }];
}

const DISABLED_OPTIONS = [
	{ name: 'Disable', value: '1' },
	{ name: 'Enable', value: '0' },
];

export const legacyPersonDescription: INodeProperties[] = withOutputFields([
	operationProperty('legacyPerson', 'get', [
		exorLiveOperation({
			name: 'Create or Update',
			value: 'createOrUpdate',
			action: 'Create or update a person (legacy)',
			description: `${LEGACY}create (Person ID 0) or update a person; outputs the user ID (SetPersonDetails)`,
			method: 'POST',
			path: v1('Persons', 'SetPersonDetails'),
			actAs: 'optional',
			postReceive: [toValue({ key: 'userId', candidates: ['userId', 'id'], numeric: true })],
		}),
		exorLiveOperation({
			name: 'Ensure Login Access',
			value: 'ensureLoginAccess',
			action: 'Make sure a person has login access (legacy)',
			description: `${LEGACY}give the person with your custom ID a login if it has none (MakeSureUserHasLoginAccess).${UNDOCUMENTED_ANSWER}`,
			method: 'POST',
			path: v1('Persons', 'MakeSureUserHasLoginAccess'),
			actAs: 'optional',
		}),
		exorLiveOperation({
			name: 'Get',
			value: 'get',
			action: 'Get a person (legacy)',
			description: `${LEGACY}the details of a person (GetPersonDetails)`,
			method: 'POST',
			path: v1('Persons', 'GetPersonDetails'),
			actAs: 'optional',
			output: legacyPersonGetOutput,
		}),
		exorLiveOperation({
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many persons (legacy)',
			description: `${LEGACY}list the users of a unit, optionally of one role (GetListOfUsers)`,
			method: 'POST',
			path: v1('Persons', 'GetListOfUsers'),
			actAs: 'optional',
			postReceive: [toItems(null)],
		}),
		exorLiveOperation({
			name: 'Resolve Custom ID',
			value: 'resolveCustomId',
			action: 'Find the user ID for a custom ID (legacy)',
			description: `${LEGACY}the ExorLive user ID of the person with your custom ID; found is false when there is none`,
			method: 'POST',
			path: v1('Persons', 'ResolveCustomId'),
			actAs: 'optional',
			postReceive: [resolvedUser],
		}),
		exorLiveOperation({
			name: 'Set Custom ID',
			value: 'setCustomId',
			action: 'Set the custom ID of a person (legacy)',
			description: `${LEGACY}store your own ID on a person (SetCustomId).${UNDOCUMENTED_ANSWER}`,
			method: 'POST',
			path: v1('Persons', 'SetCustomId'),
			actAs: 'optional',
		}),
		exorLiveOperation({
			name: 'Set Disabled',
			value: 'setDisabled',
			action: 'Disable or enable a person (legacy)',
			description: `${LEGACY}disable or enable a person's user (SetUserDisabled).${UNDOCUMENTED_ANSWER}`,
			method: 'POST',
			path: v1('Persons', 'SetUserDisabled'),
			actAs: 'optional',
		}),
	]),
	actAsField(
		{
			resource: ['legacyPerson'],
			operation: [
				'getAll',
				'get',
				'createOrUpdate',
				'resolveCustomId',
				'setCustomId',
				'setDisabled',
				'ensureLoginAccess',
			],
		},
		false,
	),
	...legacyPersonGetAllDescription,
	exorLiveField(
		{
			displayName: 'Person ID',
			name: 'personId',
			type: 'number',
			default: 0,
			required: true,
			description: 'ExorLive user ID',
			displayOptions: {
				show: { resource: ['legacyPerson'], operation: ['get', 'setCustomId', 'setDisabled'] },
			},
		},
		{ body: 'personId', check: 'positive', asText: true },
	),
	...legacyPersonCreateOrUpdateDescription,
	exorLiveField(
		{
			displayName: 'Custom ID',
			name: 'customId',
			type: 'string',
			default: '',
			required: true,
			description: 'Your own ID for the person',
			displayOptions: {
				show: {
					resource: ['legacyPerson'],
					operation: ['resolveCustomId', 'setCustomId', 'ensureLoginAccess'],
				},
			},
		},
		{ body: 'customId' },
	),
	exorLiveField(
		{
			displayName: 'Disabled',
			name: 'disabled',
			type: 'options',
			default: '1',
			required: true,
			description: "Whether to disable or enable the person's user",
			options: DISABLED_OPTIONS,
			displayOptions: { show: { resource: ['legacyPerson'], operation: ['setDisabled'] } },
		},
		{ body: 'disabled' },
	),
]);
