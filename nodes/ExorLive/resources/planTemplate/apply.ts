import type { INodeProperties } from 'n8n-workflow';
import { exorLiveField, userIdField } from '../../exorLiveFields';
import { additionalFields } from '../../../shared/fieldBuilders';

const show = { resource: ['planTemplate'], operation: ['apply'] };

const DISTRIBUTION_TYPE_OPTIONS = [
	{ name: 'As Is', value: 'AsIs' },
	{ name: 'Explicit', value: 'Explicit' },
	{ name: 'Week Pattern', value: 'WeekPattern' },
];

export const planTemplateApplyDescription: INodeProperties[] = [
	userIdField(show),
	exorLiveField(
		{
			displayName: 'Plan Template ID',
			name: 'planTemplateId',
			type: 'number',
			default: 0,
			required: true,
			description: 'ID of the plan template to apply, e.g. from Search',
			displayOptions: { show },
		},
		{ body: 'PlanTemplateId', check: 'positive' },
	),
	exorLiveField(
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'string',
			default: '',
			required: true,
			description: 'Date the plan starts, in the form YYYY-MM-DD, e.g. 2024-01-31',
			placeholder: 'YYYY-MM-DD',
			displayOptions: { show },
		},
		// The vendor's spelling.
		{ body: 'AppyToStartDate', check: 'date' },
	),
	exorLiveField(
		{
			displayName: 'Distribution',
			name: 'distributionType',
			type: 'options',
			default: 'AsIs',
			required: true,
			description: 'How the plan template is distributed: As Is, Week Pattern or Explicit',
			options: DISTRIBUTION_TYPE_OPTIONS,
			displayOptions: { show },
		},
		{ body: 'DistributionType' },
	),
	additionalFields(show, [
		exorLiveField(
			{
				displayName: 'Explicit',
				name: 'explicit',
				type: 'string',
				default: '',
				description: 'For the Explicit distribution, as ExorLive expects it',
			},
			{ body: 'Explicit' },
		),
		exorLiveField(
			{
				displayName: 'Repeat Count',
				name: 'repeatNum',
				type: 'number',
				default: 0,
				description: 'How many times the plan template is repeated',
			},
			{ body: 'RepeatNum' },
		),
		exorLiveField(
			{
				displayName: 'Week Pattern',
				name: 'weekPattern',
				type: 'string',
				default: '',
				description: 'For the Week Pattern distribution, as ExorLive expects it',
			},
			{ body: 'WeekPattern' },
		),
	]),
];
