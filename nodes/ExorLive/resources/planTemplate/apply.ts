import type { INodeProperties } from 'n8n-workflow';
import { sendChecked, userIdField } from '../../exorLiveFields';
import { additionalFields } from '../../../shared/fieldBuilders';

const show = { resource: ['planTemplate'], operation: ['apply'] };

const DISTRIBUTION_TYPE_OPTIONS = [
	{ name: 'As Is', value: 'AsIs' },
	{ name: 'Explicit', value: 'Explicit' },
	{ name: 'Week Pattern', value: 'WeekPattern' },
];

export const planTemplateApplyDescription: INodeProperties[] = [
	userIdField(show),
	{
		displayName: 'Plan Template ID',
		name: 'planTemplateId',
		type: 'number',
		default: 0,
		required: true,
		displayOptions: { show },
		routing: {
			send: sendChecked('body', 'PlanTemplateId', {
				name: 'planTemplateId',
				label: 'Plan Template ID',
				type: 'number',
				required: true,
				check: 'positive',
			}),
		},
	},
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'YYYY-MM-DD',
		displayOptions: { show },
		routing: {
			// The vendor's spelling.
			send: sendChecked('body', 'AppyToStartDate', {
				name: 'startDate',
				label: 'Start Date',
				type: 'string',
				required: true,
				check: 'date',
			}),
		},
	},
	{
		displayName: 'Distribution',
		name: 'distributionType',
		type: 'options',
		default: 'AsIs',
		required: true,
		options: DISTRIBUTION_TYPE_OPTIONS,
		displayOptions: { show },
		routing: {
			send: sendChecked('body', 'DistributionType', {
				name: 'distributionType',
				label: 'Distribution',
				type: 'options',
				required: true,
				default: 'AsIs',
				choices: DISTRIBUTION_TYPE_OPTIONS,
			}),
		},
	},
	additionalFields(show, [
		{
			displayName: 'Explicit',
			name: 'explicit',
			type: 'string',
			default: '',
			description: 'For the Explicit distribution, as ExorLive expects it',
			routing: {
				send: sendChecked('body', 'Explicit', {
					name: 'explicit',
					label: 'Explicit',
					type: 'string',
				}),
			},
		},
		{
			displayName: 'Repeat Count',
			name: 'repeatNum',
			type: 'number',
			default: 0,
			routing: {
				send: sendChecked('body', 'RepeatNum', {
					name: 'repeatNum',
					label: 'Repeat Count',
					type: 'number',
				}),
			},
		},
		{
			displayName: 'Week Pattern',
			name: 'weekPattern',
			type: 'string',
			default: '',
			description: 'For the Week Pattern distribution, as ExorLive expects it',
			routing: {
				send: sendChecked('body', 'WeekPattern', {
					name: 'weekPattern',
					label: 'Week Pattern',
					type: 'string',
				}),
			},
		},
	]),
];
