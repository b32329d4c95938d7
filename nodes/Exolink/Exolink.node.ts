import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { BASE_URL_EXPRESSION } from '../../credentials/common';
import { withCustomApiCall } from '../shared/customApiCall';
import { foldRepeatedFields } from '../shared/foldRepeatedFields';
import { requestOptionsProperty } from '../shared/requestStep';
import { readableSubtitle } from '../shared/subtitle';
import { jsonRequestDefaults } from '../shared/operation';
import { chargerDescription } from './resources/charger';
import { cpmsDescription } from './resources/cpms';
import { ipWhitelistDescription } from './resources/ipWhitelist';
import { productDescription } from './resources/product';
import { tenantDescription } from './resources/tenant';
import { tenantUserDescription } from './resources/tenantUser';
import { userDescription } from './resources/user';
import { searchProducts, searchTenantUsers } from './listSearch';
import { CREDENTIAL_TYPE } from './exolinkOperation';

const properties = withCustomApiCall(
	foldRepeatedFields([
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Charger', value: 'charger' },
				{ name: 'CPMS Backend', value: 'cpms' },
				{ name: 'IP Whitelist', value: 'ipWhitelist' },
				{ name: 'Product', value: 'product' },
				{ name: 'Tenant', value: 'tenant' },
				{ name: 'Tenant User', value: 'tenantUser' },
				{ name: 'User', value: 'user' },
			],
			default: 'tenant',
		},
		...chargerDescription,
		...cpmsDescription,
		...ipWhitelistDescription,
		...productDescription,
		...tenantDescription,
		...tenantUserDescription,
		...userDescription,
	]),
	{
		apiName: 'Exolink',
		pathExample: '/tenant/abc123/charger',
		hint: 'Use it for the endpoints Exolink does not document (Auth, Public, Static, Lab, Logs, Domain) and for options the other operations lack',
	},
);

export class Exolink implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Exolink',
		name: 'exolink',
		icon: { light: 'file:../../icons/exolink.svg', dark: 'file:../../icons/exolink.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: readableSubtitle(properties),
		description:
			'Manage Exolink tenants: users and roles, invitations, IP whitelist, CPMS backends and chargers, products and subscriptions',
		defaults: { name: 'Exolink' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		requestDefaults: jsonRequestDefaults(BASE_URL_EXPRESSION),
		// n8n merges the package's Request Options (retries) into its own Settings collection.
		properties: [...properties, requestOptionsProperty],
	};

	methods = {
		listSearch: { searchProducts, searchTenantUsers },
	};
}
