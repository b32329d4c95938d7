import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { exorLiveField, legacySearchTextField } from '../../exorLiveFields';
import { additionalFields } from '../../../shared/fieldBuilders';

const show = { resource: ['legacyWorkout'], operation: ['search'] };

export const legacyWorkoutSearchDescription: INodeProperties[] = [
	additionalFields(show, [
		exorLiveField(
			{
				displayName: 'Length',
				name: 'Length',
				type: 'number',
				default: 0,
				description: 'Number of results',
			},
			{ body: 'query.Length', asText: true },
		),
		exorLiveField(
			{
				displayName: 'Location',
				name: 'Location',
				type: 'string',
				default: '',
				description: 'Location to filter the workouts by',
			},
			{ body: 'query.Location' },
		),
		exorLiveField(
			{
				displayName: 'Location ID',
				name: 'LocationId',
				type: 'number',
				default: 0,
				description: 'ID of the location to filter the workouts by',
			},
			{ body: 'query.LocationId', asText: true },
		),
		exorLiveField(
			{
				displayName: 'Nested',
				name: 'Nested',
				type: 'boolean',
				default: false,
				description: 'Whether the search is nested',
			},
			{ body: 'query.Nested', asText: true },
		),
		exorLiveField(
			{
				displayName: 'Only Templates',
				name: 'OnlyTemplates',
				type: 'boolean',
				default: false,
				description: 'Whether to find only workout templates',
			},
			{ body: 'query.OnlyTemplates', asText: true },
		),
		legacySearchTextField,
		exorLiveField(
			{
				displayName: 'Start',
				name: 'Start',
				type: 'number',
				default: 0,
				description: 'Index of the first result',
			},
			{ body: 'query.Start', asText: true },
		),
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
