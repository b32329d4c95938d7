import type { INodeProperties } from 'n8n-workflow';
import { exorLiveField } from '../../exorLiveFields';

const show = { resource: ['legacyPerson'], operation: ['getAll'] };

const V1_ROLE_OPTIONS = [
	{ name: 'All', value: '0' },
	{ name: 'Contact With Login', value: '16' },
	{ name: 'Contact Without Login', value: '32' },
	{ name: 'Instructor', value: '8' },
];

export const legacyPersonGetAllDescription: INodeProperties[] = [
	exorLiveField(
		{
			displayName: 'Role',
			name: 'role',
			type: 'options',
			default: '0',
			required: true,
			description:
				'Which users to list: all, instructors, contacts with login or contacts without login',
			options: V1_ROLE_OPTIONS,
			displayOptions: { show },
		},
		{ body: 'role' },
	),
	exorLiveField(
		{
			displayName: 'Unit ID',
			name: 'unitId',
			type: 'number',
			default: 0,
			required: true,
			description: '0 for the whole organization',
			displayOptions: { show },
		},
		{ body: 'unitId', asText: true },
	),
	exorLiveField(
		{
			displayName: 'Page',
			name: 'page',
			type: 'number',
			default: 0,
			required: true,
			description: 'Page number, from 0',
			displayOptions: { show },
		},
		{ body: 'page', asText: true },
	),
	exorLiveField(
		{
			displayName: 'Page Size',
			name: 'pagesize',
			type: 'number',
			default: 1000,
			required: true,
			description: 'Number of users per page',
			displayOptions: { show },
		},
		{ body: 'pagesize', asText: true },
	),
];
