import type { INodeProperties } from 'n8n-workflow';
import { sendChecked, moreFieldsJson } from '../../exorLiveFields';
import { additionalFields } from '../../../shared/fieldBuilders';

const show = { resource: ['goClient'], operation: ['setActivity'] };

export const goClientSetActivityDescription: INodeProperties[] = [
	{
		displayName: 'Activity ID',
		name: 'id',
		type: 'number',
		default: 0,
		required: true,
		description: '0 creates a new activity',
		displayOptions: { show },
		routing: {
			send: sendChecked('body', 'Id', {
				name: 'id',
				label: 'Activity ID',
				type: 'number',
				required: true,
				default: 0,
			}),
		},
	},
	additionalFields(show, [
		moreFieldsJson('Further activity fields as a JSON object, e.g. from a Get operation'),
	]),
];
