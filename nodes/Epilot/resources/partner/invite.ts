import type { INodeProperties } from 'n8n-workflow';
import { languageOptions } from '../../shared';

export const partnerInviteDescription: INodeProperties[] = [
	{
		displayName: 'Email Language',
		name: 'language',
		type: 'options',
		options: languageOptions,
		default: 'en',
		description: 'Language of the invitation email',
		displayOptions: { show: { resource: ['partner'], operation: ['invite'] } },
		routing: { send: { type: 'body', property: 'language' } },
	},
];
