import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { BASE_URL_EXPRESSION } from '../../credentials/common';
import { withCustomApiCall } from '../shared/customApiCall';
import { jsonRequestDefaults } from '../shared/operation';
import { foldRepeatedFields } from '../shared/foldRepeatedFields';
import { requestOptionsProperty } from '../shared/requestStep';
import { readableSubtitle } from '../shared/subtitle';
import { assignableDescription } from './resources/assignable';
import { geolocationDescription } from './resources/geolocation';
import { partnerDescription } from './resources/partner';
import { partnerRoleDescription } from './resources/partnerRole';
import { partnerUserDescription } from './resources/partnerUser';
import {
	getPartnerRoles,
	searchPartnerOrganizations,
	searchPartnerRoles,
	searchPartnerUsers,
} from './listSearch';
import { CREDENTIAL_TYPE } from './epilotOperation';

const properties = withCustomApiCall(
	foldRepeatedFields([
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Assignable', value: 'assignable' },
				{ name: 'Geolocation', value: 'geolocation' },
				{ name: 'Partner', value: 'partner' },
				{ name: 'Partner Role', value: 'partnerRole' },
				{ name: 'Partner User', value: 'partnerUser' },
			],
			default: 'partner',
		},
		...assignableDescription,
		...geolocationDescription,
		...partnerDescription,
		...partnerRoleDescription,
		...partnerUserDescription,
	]),
	{
		apiName: 'epilot Partner Directory',
		pathExample: '/v2/partners/123456/users',
		hint: 'For endpoints this node does not cover yet',
	},
);

export class Epilot implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Epilot',
		name: 'epilot',
		icon: { light: 'file:../../icons/epilot.svg', dark: 'file:../../icons/epilot.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: readableSubtitle(properties),
		description:
			'Manage epilot partners: invite and approve partners, their users and roles, and search assignables (Partner Directory API)',
		defaults: { name: 'Epilot' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		requestDefaults: jsonRequestDefaults(BASE_URL_EXPRESSION),
		// n8n merges the package's Request Options (retries) into its own Settings collection.
		properties: [...properties, requestOptionsProperty],
	};

	methods = {
		listSearch: { searchPartnerOrganizations, searchPartnerRoles, searchPartnerUsers },
		loadOptions: { getPartnerRoles },
	};
}
