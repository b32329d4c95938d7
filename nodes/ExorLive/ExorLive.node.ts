import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { withCustomApiCall } from '../shared/customApiCall';
import { foldRepeatedFields } from '../shared/foldRepeatedFields';
import { goClientDescription } from './resources/goClient';
import { legacyDepartmentDescription } from './resources/legacy/department';
import { legacyPersonDescription } from './resources/legacy/person';
import { legacyWorkoutDescription } from './resources/legacy/workout';
import { partnerDescription } from './resources/partner';
import { partnerAccessDescription } from './resources/partnerAccess';
import { planTemplateDescription } from './resources/planTemplate';
import { signInDescription } from './resources/signIn';
import { userDescription } from './resources/user';
import { workoutExportDescription } from './resources/workoutExport';
import { API_BASE_URL, CREDENTIAL_TYPE } from './shared';

export class ExorLive implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ExorLive',
		name: 'exorLive',
		icon: { light: 'file:../../icons/exorlive.svg', dark: 'file:../../icons/exorlive.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Work with ExorLive as a partner: get customer organizations, look up and create users, invite contacts to ExorLive Go, sign users in, export workouts',
		defaults: { name: 'ExorLive' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		requestDefaults: {
			baseURL: API_BASE_URL,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json; charset=utf-8' },
			json: true,
			// Readable vendor errors come from each operation's post-receive; 401 still reaches n8n,
			// which then runs the token exchange again and retries once.
			ignoreHttpStatusErrors: { ignore: true, except: [401] },
		},
		properties: withCustomApiCall(
			foldRepeatedFields([
				{
					displayName: 'Resource',
					name: 'resource',
					type: 'options',
					noDataExpression: true,
					options: [
						{ name: 'Go Client', value: 'goClient', description: "A contact's ExorLive Go data" },
						{ name: 'Legacy Department (V1)', value: 'legacyDepartment' },
						{ name: 'Legacy Person (V1)', value: 'legacyPerson' },
						{ name: 'Legacy Workout (V1)', value: 'legacyWorkout' },
						{ name: 'Partner', value: 'partner' },
						{ name: 'Partner Access (Legacy)', value: 'partnerAccess' },
						{ name: 'Plan Template', value: 'planTemplate' },
						{ name: 'Sign-In', value: 'signIn' },
						{ name: 'User', value: 'user' },
						{ name: 'Workout Export', value: 'workoutExport' },
					],
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
	};
}
