import type { INodeProperties } from 'n8n-workflow';
import { requireParameters } from '../../../shared/validation';
import { additionalFields } from '../../../shared/fieldBuilders';

const show = { resource: ['partner'], operation: ['activate'] };

export const partnerActivateDescription: INodeProperties[] = [
	{
		displayName: 'Signed-Up Email',
		name: 'signedUpEmail',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Email address the partner signed up to epilot with',
		displayOptions: { show },
		routing: {
			send: {
				type: 'body',
				property: 'signed_up_email',
				preSend: [
					requireParameters([
						{ name: 'signedUpEmail', label: 'Signed-Up Email', format: 'email' },
						{ name: 'organizationId', label: 'Organization ID' },
					]),
				],
			},
		},
	},
	{
		displayName: 'Organization ID',
		name: 'organizationId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 123456',
		description: "The partner's own epilot organization ID",
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'organization_id' } },
	},
	additionalFields(show, [
		{
			displayName: 'Company Name',
			name: 'companyName',
			type: 'string',
			default: '',
			description: "The official name of the partner's company",
			routing: { send: { type: 'body', property: 'company_name' } },
		},
	]),
];
