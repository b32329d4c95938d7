import type { INodeProperties } from 'n8n-workflow';
import { exorLiveField, moreFieldsJson } from '../../exorLiveFields';
import { additionalFields } from '../../../shared/fieldBuilders';

const show = { resource: ['goClient'], operation: ['setActivity'] };

export const goClientSetActivityDescription: INodeProperties[] = [
	exorLiveField(
		{
			displayName: 'Activity ID',
			name: 'id',
			type: 'number',
			default: 0,
			required: true,
			description: '0 creates a new activity',
			displayOptions: { show },
		},
		{ body: 'Id' },
	),
	additionalFields(show, [
		moreFieldsJson('Further activity fields as a JSON object, e.g. from a Get operation'),
	]),
];
