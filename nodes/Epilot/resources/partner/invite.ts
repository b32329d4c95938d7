import type { INodeProperties } from 'n8n-workflow';
import { languageOptions } from '../../epilotFields';
import { additionalFields } from '../../../shared/fieldBuilders';

export const partnerInviteDescription: INodeProperties[] = [
	additionalFields({ resource: ['partner'], operation: ['invite'] }, [
		{
			displayName: 'Email Language',
			name: 'language',
			type: 'options',
			options: languageOptions,
			default: 'en',
			description: 'Language of the invitation email. Default: English.',
			routing: { send: { type: 'body', property: 'language' } },
		},
	]),
];
