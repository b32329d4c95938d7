import {
	NodeConnectionTypes,
	type INodeProperties,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { CUSTOM_API_CALL_RESOURCE, withCustomApiCall } from '../shared/customApiCall';
import { requestOptionsProperty } from '../shared/requestStep';
import { foldRepeatedFields } from '../shared/foldRepeatedFields';
import { readableSubtitle } from '../shared/subtitle';
import { goClientDescription } from './resources/goClient';
import { legacyDepartmentDescription } from './resources/legacyDepartment';
import { legacyPersonDescription } from './resources/legacyPerson';
import { legacyWorkoutDescription } from './resources/legacyWorkout';
import { partnerDescription } from './resources/partner';
import { partnerAccessDescription } from './resources/partnerAccess';
import { planTemplateDescription } from './resources/planTemplate';
import { signInDescription } from './resources/signIn';
import { userDescription } from './resources/user';
import { workoutExportDescription } from './resources/workoutExport';
import { jsonRequestDefaults } from '../shared/operation';
import { API_BASE_URL_EXPRESSION } from './auth/settings';
import { CREDENTIAL_TYPE } from './client';
import { sentAsActingUser } from './exorLiveOperation';
import { EXORLIVE_DESCRIPTION } from './summary';

/** The Custom API Call goes out through the request step too (the credential's own token). */
function withRequestStep(properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) =>
		property.name === 'operation' &&
		property.displayOptions?.show?.resource?.includes(CUSTOM_API_CALL_RESOURCE)
			? {
					...property,
					options: (property.options as INodePropertyOptions[]).map((option) =>
						sentAsActingUser(option, 'none'),
					),
				}
			: property,
	);
}

/**
 * In this order, not alphabetical: n8n's node panel lists the actions by resource in the order
 * of these options, so the everyday ones come first and the legacy ones last.
 */
const RESOURCES: INodePropertyOptions[] = [
	{ name: 'Partner', value: 'partner' },
	{ name: 'User', value: 'user' },
	{ name: 'Sign-In', value: 'signIn' },
	{ name: 'Workout Export', value: 'workoutExport' },
	{ name: 'Go Client', value: 'goClient', description: "A contact's ExorLive Go data" },
	{ name: 'Plan Template', value: 'planTemplate' },
	{ name: 'Partner Access (Legacy)', value: 'partnerAccess' },
	{ name: 'Legacy Department (V1)', value: 'legacyDepartment' },
	{ name: 'Legacy Person (V1)', value: 'legacyPerson' },
	{ name: 'Legacy Workout (V1)', value: 'legacyWorkout' },
];

const properties = withRequestStep(
	withCustomApiCall(
		foldRepeatedFields([
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: RESOURCES,
				default: 'partner',
			},
			...partnerDescription,
			...userDescription,
			...signInDescription,
			...workoutExportDescription,
			...goClientDescription,
			...planTemplateDescription,
			...partnerAccessDescription,
			...legacyPersonDescription,
			...legacyWorkoutDescription,
			...legacyDepartmentDescription,
		]),
		{
			apiName: 'ExorLive',
			pathExample: '/api4/user/lookupuser',
			hint: "Sent to the API base URL with the admin user's token",
		},
	),
);

export class ExorLive implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ExorLive',
		name: 'exorLive',
		icon: { light: 'file:../../icons/exorlive.svg', dark: 'file:../../icons/exorlive.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: readableSubtitle(properties),
		description: EXORLIVE_DESCRIPTION,
		defaults: { name: 'ExorLive' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		// Readable vendor errors come from each operation's post-receive. A 401 with the
		// credential's own token still reaches n8n 2.x, which renews the token and retries once
		// (n8n 1.x hands it to the operation's request step instead, see auth/renewal.ts).
		requestDefaults: jsonRequestDefaults(API_BASE_URL_EXPRESSION, {
			except: [401],
			contentType: 'application/json; charset=utf-8',
		}),
		properties: [...properties, requestOptionsProperty],
	};
}
