import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { sendChecked, legacySearchTextField } from '../../exorLiveFields';
import { additionalFields } from '../../../shared/fieldBuilders';

const show = { resource: ['legacyWorkout'], operation: ['search'] };

export const legacyWorkoutSearchDescription: INodeProperties[] = [
	additionalFields(show, [
		{
			displayName: 'Length',
			name: 'Length',
			type: 'number',
			default: 0,
			description: 'Number of results',
			routing: {
				send: sendChecked('body', 'query.Length', {
					name: 'Length',
					label: 'Length',
					type: 'number',
					asText: true,
				}),
			},
		},
		{
			displayName: 'Location',
			name: 'Location',
			type: 'string',
			default: '',
			routing: {
				send: sendChecked('body', 'query.Location', {
					name: 'Location',
					label: 'Location',
					type: 'string',
				}),
			},
		},
		{
			displayName: 'Location ID',
			name: 'LocationId',
			type: 'number',
			default: 0,
			routing: {
				send: sendChecked('body', 'query.LocationId', {
					name: 'LocationId',
					label: 'Location ID',
					type: 'number',
					asText: true,
				}),
			},
		},
		{
			displayName: 'Nested',
			name: 'Nested',
			type: 'boolean',
			default: false,
			routing: {
				send: sendChecked('body', 'query.Nested', {
					name: 'Nested',
					label: 'Nested',
					type: 'boolean',
					asText: true,
				}),
			},
		},
		{
			displayName: 'Only Templates',
			name: 'OnlyTemplates',
			type: 'boolean',
			default: false,
			routing: {
				send: sendChecked('body', 'query.OnlyTemplates', {
					name: 'OnlyTemplates',
					label: 'Only Templates',
					type: 'boolean',
					asText: true,
				}),
			},
		},
		legacySearchTextField,
		{
			displayName: 'Start',
			name: 'Start',
			type: 'number',
			default: 0,
			description: 'Index of the first result',
			routing: {
				send: sendChecked('body', 'query.Start', {
					name: 'Start',
					label: 'Start',
					type: 'number',
					asText: true,
				}),
			},
		},
	]),
];

/** The two query methods take a `query` object, also when no filter is set: `{ "query": {} }`. */
export async function withQueryObject(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body =
		options.body && typeof options.body === 'object' ? (options.body as IDataObject) : {};
	return { ...options, body: { query: {}, ...body } };
}
