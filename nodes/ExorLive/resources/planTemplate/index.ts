import { requiredId, tagsField } from '../../fieldSpecs';
import { exorLiveResource, type ExorLiveOperation } from '../../operationSpecs';
import { toItems } from '../../client';

/** Plan template API v4: acts as the contact, like the Go client API. */
const plan = (path: string) => `/api4/client/plantemplate/${path}/4`;

const operations: ExorLiveOperation[] = [
	{
		name: 'Get All Tags',
		value: 'getAllTags',
		action: 'Get all plan template tags',
		description:
			'All tags used on plan templates. ExorLive names the answer but does not document its fields.',
		path: plan('getalltags'),
		output: [toItems(null)],
	},
	{
		name: 'Search',
		value: 'search',
		action: 'Search plan templates',
		description:
			'Plan templates matching a search text, one item each (GetPlanTemplates). ExorLive names the answer but does not document its fields.',
		path: plan('getplantemplates'),
		fields: [
			{
				name: 'query',
				label: 'Search Text',
				type: 'string',
				send: { in: 'query', property: 'query' },
				description: 'Leave empty to list all',
			},
		],
		// The documented call always carries ?query=, empty or not.
		request: { qs: { query: '' } },
		output: [toItems(null)],
	},
	{
		name: 'Get by Tags',
		value: 'getByTags',
		action: 'Get plan templates by tags',
		description:
			'Plan templates carrying the given tags, one item each. ExorLive names the answer but does not document its fields.',
		path: plan('getplantemplatesbytag'),
		fields: [tagsField],
		output: [toItems(null)],
	},
	{
		name: 'Apply',
		value: 'apply',
		action: 'Apply a plan template to a user',
		description: "Put a plan template's workouts into a user's plan from a start date",
		method: 'POST',
		path: plan('apply'),
		fields: [
			requiredId('userId', 'User ID', { in: 'body', property: 'UserId' }),
			requiredId('planTemplateId', 'Plan Template ID', { in: 'body', property: 'PlanTemplateId' }),
			{
				name: 'startDate',
				label: 'Start Date',
				type: 'string',
				required: true,
				check: 'date',
				placeholder: 'YYYY-MM-DD',
				// The vendor's spelling.
				send: { in: 'body', property: 'AppyToStartDate' },
			},
			{
				name: 'distributionType',
				label: 'Distribution',
				type: 'options',
				required: true,
				options: [
					{ name: 'As Is', value: 'AsIs' },
					{ name: 'Explicit', value: 'Explicit' },
					{ name: 'Week Pattern', value: 'WeekPattern' },
				],
				default: 'AsIs',
				send: { in: 'body', property: 'DistributionType' },
			},
			{
				name: 'repeatNum',
				label: 'Repeat Count',
				type: 'number',
				send: { in: 'body', property: 'RepeatNum' },
			},
			{
				name: 'weekPattern',
				label: 'Week Pattern',
				type: 'string',
				send: { in: 'body', property: 'WeekPattern' },
				description: 'For the Week Pattern distribution, as ExorLive expects it',
			},
			{
				name: 'explicit',
				label: 'Explicit',
				type: 'string',
				send: { in: 'body', property: 'Explicit' },
				description: 'For the Explicit distribution, as ExorLive expects it',
			},
		],
		output: [toItems({ applied: true })],
	},
];

export const planTemplateDescription = exorLiveResource('planTemplate', {
	operations,
	default: 'search',
	actAs: 'required',
});
