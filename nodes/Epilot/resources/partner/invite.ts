import type { INodeProperties } from 'n8n-workflow';
import { languageOptions } from '../../epilotFields';

export const partnerInviteDescription: INodeProperties[] = [
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource: ['partner'], operation: ['invite'] } },
		options: [
			{
				displayName: 'Email Language',
				name: 'language',
				type: 'options',
				options: languageOptions,
				default: 'en',
				description: 'Language of the invitation email. Default: English.',
				routing: { send: { type: 'body', property: 'language' } },
			},
		],
	},
];
