import { randomInt } from 'crypto';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { CREDENTIAL_TYPE, scalarIn, unexpectedAnswer } from '../../client';
import { additionalFields } from '../../../shared/fieldBuilders';
import { itemParameter } from '../../../shared/validation';

export const CHALLENGE_PATH = '/api4/Access/PartnerChallenge';

/** The random number that ties a challenge to its use; ExorLive's sample sends it as a string. */
export function randomValue(given: unknown): string {
	const text = String(given ?? '').trim();
	return text || String(randomInt(1, 2 ** 31 - 1));
}

/** The body of PartnerChallenge: the client key and the random number. */
export function challengeBody(clientKey: unknown, random: string): IDataObject {
	return { ApplicationKey: String(clientKey ?? ''), Random: random };
}

/** The challenge (a JSON string); ExorLive's sample strips spaces, quotes and braces from it. */
export function challengeFrom(body: unknown): string | undefined {
	const value = scalarIn(body, ['challenge']);
	const challenge = value === undefined ? '' : String(value).replace(/[\s"{}]/g, '');
	return challenge || undefined;
}

/** The random number sent for an item, so the output can hand it on with the challenge. */
const sentRandom = new WeakMap<object, string>();

export async function sendChallengeBody(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const additional = itemParameter(this, 'additionalFields', {}) as IDataObject;
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const random = randomValue(additional.random);
	sentRandom.set(this, random);
	return { ...options, body: challengeBody(credentials.clientKey, random) };
}

export async function challengeOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const challenge = challengeFrom(response.body);
	if (!challenge) throw unexpectedAnswer(this, 'challenge', response);
	return [{ json: { challenge, random: sentRandom.get(this) ?? '' } }];
}

const show = { resource: ['partnerAccess'], operation: ['partnerChallenge'] };

export const partnerAccessPartnerChallengeDescription: INodeProperties[] = [
	additionalFields(show, [
		{
			displayName: 'Random Number',
			name: 'random',
			type: 'string',
			default: '',
			description: 'Default: a new random number',
			// Read by sendChallengeBody.
		},
	]),
];
