import { createHash, createHmac } from 'crypto';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { vendorError } from '../../../shared/errors';
import { inputError, isBlank, itemParameter, requiredValues } from '../../../shared/validation';
import { CREDENTIAL_TYPE, recordsIn, unexpectedAnswer } from '../../client';
import { challengeBody, challengeFrom, CHALLENGE_PATH, randomValue } from './challenge';
import { additionalFields } from '../../../shared/fieldBuilders';

/**
 * PwdSalted as documented: UPPERHEX(HMAC-SHA1(key = lowerhex(SHA1(utf8(password))) as ASCII,
 * message = challenge as ASCII)). The password itself is never sent.
 */
export function saltedPassword(password: string, challenge: string): string {
	const key = createHash('sha1').update(password, 'utf8').digest('hex');
	return createHmac('sha1', Buffer.from(key, 'ascii'))
		.update(Buffer.from(challenge, 'ascii'))
		.digest('hex')
		.toUpperCase();
}

/** Fetches a challenge right before linking: it is only valid for 30 seconds. */
async function freshChallenge(
	ctx: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
	clientKey: unknown,
	random: string,
): Promise<string> {
	const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, {
		method: 'POST',
		baseURL: options.baseURL,
		url: CHALLENGE_PATH,
		headers: options.headers,
		body: challengeBody(clientKey, random),
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: { ignore: true, except: [401] },
	})) as IN8nHttpFullResponse;
	if (response.statusCode >= 400) throw vendorError(ctx, response, ctx.getItemIndex());
	const challenge = challengeFrom(response.body);
	if (!challenge) throw unexpectedAnswer(ctx, 'challenge', response);
	return challenge;
}

/** Builds the body (the fields only show the values) after checking them; nothing sent before. */
export async function sendLinkBody(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	requiredValues(this, [
		{ name: 'username', label: 'Username' },
		{ name: 'password', label: 'Password' },
	]);
	const additional = itemParameter(this, 'additionalFields', {}) as IDataObject;
	const { clientKey } = await this.getCredentials(CREDENTIAL_TYPE);
	const given = String(additional.challenge ?? '').trim();
	// A challenge is only valid with the random number it was requested with: a new random
	// would make ExorLive answer ChallengeError every time.
	if (given && isBlank(additional.random)) {
		throw inputError(
			this,
			'Random Number',
			'a Challenge is only valid with the random number it was requested with (Partner Challenge outputs both): give both, or neither',
		);
	}
	const random = randomValue(additional.random);
	const challenge = given || (await freshChallenge(this, options, clientKey, random));
	const password = String(itemParameter(this, 'password', ''));
	return {
		...options,
		body: {
			// The docs name the key ClientKey, ExorLive's sample code ApplicationKey: both are sent.
			ClientKey: String(clientKey ?? ''),
			ApplicationKey: String(clientKey ?? ''),
			Username: String(itemParameter(this, 'username', '')).trim(),
			PwdSalted: saltedPassword(password, challenge),
			Challenge: challenge,
			Random: random,
		},
	};
}

const RESULT_HINTS: Record<string, string> = {
	MissingInputValues: 'A value is missing in the request.',
	IllegalApplicationKey: 'The client key differs from the one the token was issued for.',
	ChallengeError: 'The challenge expired (30 seconds) or was used with another random number.',
	UserAndPwdNotFound: 'Username or password is wrong.',
	UserIsDisabled: 'The user is disabled.',
	UserIsNotAdmin: 'The user is not an administrator.',
	UserIsInSubdepartment: "The administrator's rights do not cover the whole organization.",
};

/** Business errors come inside a 200 as `resultCode`; anything but OK fails the item. */
export async function linkOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const [result] = recordsIn(response.body);
	if (!result || result.resultCode === undefined)
		throw unexpectedAnswer(this, 'resultCode', response);
	if (result.resultCode !== 'OK') {
		const code = String(result.resultCode);
		throw new NodeApiError(this.getNode(), result as JsonObject, {
			message: `ExorLive refused to link the organization: ${code}`,
			description: RESULT_HINTS[code],
			httpCode: String(response.statusCode),
			itemIndex: this.getItemIndex(),
		});
	}
	return [{ json: result }];
}

const show = { resource: ['partnerAccess'], operation: ['linkOrganization'] };

export const partnerAccessLinkOrganizationDescription: INodeProperties[] = [
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		default: '',
		required: true,
		description: "The customer administrator's ExorLive username or email",
		displayOptions: { show },
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		default: '',
		required: true,
		description:
			"The customer administrator's ExorLive password. Map it with an expression (e.g. from a form): a typed value is saved in the workflow.",
		typeOptions: { password: true },
		displayOptions: { show },
	},
	additionalFields(show, [
		{
			displayName: 'Challenge',
			name: 'challenge',
			type: 'string',
			default: '',
			description: 'From Partner Challenge. Default: the node gets a new one right before linking.',
		},
		{
			displayName: 'Random Number',
			name: 'random',
			type: 'string',
			default: '',
			description:
				'The random number the challenge was requested with; required with a Challenge. Default (no Challenge): a new one.',
		},
	]),
];
