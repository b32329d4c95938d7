import type { INodeProperties } from 'n8n-workflow';
import { idLocator, type Show } from '../shared/fieldBuilders';

export const orgIdField = (show: Show) =>
	idLocator({
		displayName: 'Partner Organization',
		name: 'orgId',
		description:
			'The epilot organization ID of the partner (not the partner record UUID). Pick it from the partner organizations you can assign to, or enter it.',
		searchListMethod: 'searchPartnerOrganizations',
		placeholder: 'e.g. 123456',
		show,
	});

export const userIdField = (show: Show) =>
	idLocator({
		displayName: 'User',
		name: 'userId',
		description: 'A user of the partner organization',
		searchListMethod: 'searchPartnerUsers',
		placeholder: 'e.g. 10234',
		show,
	});

export const roleIdField = (show: Show) =>
	idLocator({
		displayName: 'Role',
		name: 'roleId',
		description:
			'A role of the partner organization. Role IDs have the form &lt;org_id&gt;:&lt;slug&gt;.',
		searchListMethod: 'searchPartnerRoles',
		placeholder: 'e.g. 123456:partner_sales',
		show,
	});

export const partnerIdField = (show: Show): INodeProperties => ({
	displayName: 'Partner ID',
	name: 'partnerId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 8c086140-f33e-4bb7-a993-50c0f2402c7b',
	description: 'UUID of the partner record (an entity of schema "partner" in epilot)',
	displayOptions: { show },
});

export const languageOptions = [
	{ name: 'English', value: 'en' },
	{ name: 'German', value: 'de' },
];

export const roleIdsField = (
	show: Show | undefined,
	overrides: Partial<INodeProperties> = {},
): INodeProperties => ({
	displayName: 'Role Names or IDs',
	name: 'roleIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getPartnerRoles', loadOptionsDependsOn: ['orgId.value'] },
	default: [],
	description:
		'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'With an expression, give an array of role IDs or comma-separated text, e.g. 123456:partner_sales',
	...(show ? { displayOptions: { show } } : {}),
	...overrides,
});
