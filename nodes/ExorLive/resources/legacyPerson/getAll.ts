import type { INodeProperties } from 'n8n-workflow';
import { sendChecked } from '../../exorLiveFields';

const show = { resource: ['legacyPerson'], operation: ['getAll'] };

const V1_ROLE_OPTIONS = [
	{ name: 'All', value: '0' },
	{ name: 'Contact With Login', value: '16' },
	{ name: 'Contact Without Login', value: '32' },
	{ name: 'Instructor', value: '8' },
];

export const legacyPersonGetAllDescription: INodeProperties[] = [
	{
		displayName: 'Role',
		name: 'role',
		type: 'options',
		default: '0',
		required: true,
		options: V1_ROLE_OPTIONS,
		displayOptions: { show },
		routing: {
			send: sendChecked('body', 'role', {
				name: 'role',
				label: 'Role',
				type: 'options',
				required: true,
				default: '0',
				choices: V1_ROLE_OPTIONS,
			}),
		},
	},
	{
		displayName: 'Unit ID',
		name: 'unitId',
		type: 'number',
		default: 0,
		required: true,
		description: '0 for the whole organization',
		displayOptions: { show },
		routing: {
			send: sendChecked('body', 'unitId', {
				name: 'unitId',
				label: 'Unit ID',
				type: 'number',
				required: true,
				default: 0,
				asText: true,
			}),
		},
	},
	{
		displayName: 'Page',
		name: 'page',
		type: 'number',
		default: 0,
		required: true,
		description: 'Page number, from 0',
		displayOptions: { show },
		routing: {
			send: sendChecked('body', 'page', {
				name: 'page',
				label: 'Page',
				type: 'number',
				required: true,
				default: 0,
				asText: true,
			}),
		},
	},
	{
		displayName: 'Page Size',
		name: 'pagesize',
		type: 'number',
		default: 1000,
		required: true,
		displayOptions: { show },
		routing: {
			send: sendChecked('body', 'pagesize', {
				name: 'pagesize',
				label: 'Page Size',
				type: 'number',
				required: true,
				default: 1000,
				asText: true,
			}),
		},
	},
];
