import type {
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { trimUrl } from '../../../shared/transport';
import { inputError, isBlank, itemParameter } from '../../../shared/validation';
import { userToken } from '../../auth/renewal';
import { CREDENTIAL_TYPE, userIdValue } from '../../client';

const show = { resource: ['signIn'], operation: ['buildSignInUrl'] };
const target = (values: string[]) => ({ show: { ...show, target: values } });

export const signInBuildSignInUrlDescription: INodeProperties[] = [
	{
		// Checked (a positive whole number) when the URL is built.
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		// The token exchange's `user_id`: an integer ExorLive user ID.
		typeOptions: { vendorType: 'integer' },
		default: '',
		required: true,
		description:
			'ExorLive user ID of the user to sign in: an instructor for the app, a contact for ExorLive Go',
		placeholder: 'e.g. 12345',
		displayOptions: { show },
	},
	{
		displayName: 'Open',
		name: 'target',
		type: 'options',
		options: [
			{
				name: 'ExorLive App',
				value: 'app',
				description: 'The main app, for instructors (optionally with a contact in focus)',
			},
			{ name: 'ExorLive Go', value: 'go', description: "The contacts' app" },
			{ name: 'Custom URL', value: 'custom', description: 'Any ExorLive page' },
		],
		default: 'go',
		description: 'Which ExorLive app or page the signed-in user lands on',
		displayOptions: { show },
	},
	{
		displayName: 'Skin Code',
		name: 'skin',
		type: 'string',
		default: '',
		description: 'ExorLive Go skin code, from ExorLive support or the Admin tab (optional)',
		displayOptions: target(['go']),
	},
	{
		displayName: 'Contact in Focus',
		name: 'selectedPersonId',
		type: 'string',
		// `selectedPersonId` of the app URL: an integer ExorLive user ID.
		typeOptions: { vendorType: 'integer' },
		default: '',
		placeholder: 'e.g. 12345',
		description: 'ExorLive user ID of a contact to open, on the Workouts tab (optional)',
		displayOptions: target(['app']),
	},
	{
		displayName: 'Redirect URL',
		name: 'redirectUrl',
		type: 'string',
		default: '',
		description: 'The ExorLive page to open after sign-in, e.g. https://exorlive.com/app/',
		placeholder: 'e.g. https://exorlive.com/app/',
		displayOptions: target(['custom']),
	},
];

function redirectFor(ctx: IExecutePaginationFunctions, apiBaseUrl: string): string {
	const chosen = itemParameter(ctx, 'target', 'go') as string;
	if (chosen === 'custom') {
		const url = String(itemParameter(ctx, 'redirectUrl', '')).trim();
		if (!/^https?:\/\/\S+$/i.test(url))
			throw inputError(ctx, 'Redirect URL', 'an http(s) URL is required');
		return url;
	}
	if (chosen === 'app') {
		const contact = itemParameter(ctx, 'selectedPersonId', '');
		if (isBlank(contact)) return `${apiBaseUrl}/app/`;
		const id = userIdValue(ctx, contact, 'Contact in Focus');
		return `${apiBaseUrl}/app/?selectedPersonId=${id}#Workouts`;
	}
	const skin = String(itemParameter(ctx, 'skin', '')).trim();
	return `${apiBaseUrl}/m/${skin ? `?skin=${encodeURIComponent(skin)}` : ''}`;
}

/**
 * The documented token sign-in: `<auth>/?access_token=<token of the user>&redirect=<target>`.
 * Built in the node with a token for that user; no request of its own.
 */
export async function buildSignInUrl(
	this: IExecutePaginationFunctions,
): Promise<INodeExecutionData[]> {
	const userId = userIdValue(this, itemParameter(this, 'userId', ''), 'User ID');
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const redirect = redirectFor(this, trimUrl(credentials.apiBaseUrl));
	const token = await userToken(this, userId);
	const query = new URLSearchParams({ access_token: token, redirect });
	return [
		{
			json: {
				signInUrl: `${trimUrl(credentials.authBaseUrl)}/?${query.toString()}`,
				userId: Number(userId),
				redirect,
			},
		},
	];
}
